package com.chairside.lead.accounts;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Asks account-service about the practice of a lead being converted, on behalf of the signed-in user (their token goes
 * along, so account-service applies their region rules). As order-service asks it: connect and read timeouts and a
 * time limit per attempt, brief retries, a circuit breaker (retry around breaker around time limit); an open breaker
 * is not retried, so the caller hears at once that the practice cannot be checked now, and when to try again.
 */
@Component
public class AccountService {

	static final String NAME = "account-service";

	private final RestClient http;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final TimeLimiter limiter;

	private final long retryAfterSeconds;

	/** Each call on a thread of its own (the time limiter gives up on it), in the caller's trace. */
	private final ExecutorService calls = ContextExecutorService.wrap(new ThreadPoolExecutor(2, 16, 30, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(64), new CustomizableThreadFactory("account-service-call-")),
			ContextSnapshotFactory.builder().build());

	AccountService(RestClient.Builder builder, AccountServiceSettings settings, CircuitBreakerRegistry breakers,
			RetryRegistry retries, TimeLimiterRegistry limiters) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		requests.setReadTimeout(settings.readTimeout());
		this.http = builder.baseUrl(settings.url()).requestFactory(requests).build();
		this.breaker = breakers.circuitBreaker(NAME);
		this.retry = retries.retry(NAME);
		this.limiter = limiters.timeLimiter(NAME);
		this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
	}

	/** The account, empty when account-service does not know it or the user may not see it (another region). */
	public Optional<KnownAccount> account(String accountId) {
		return call((authorization) -> {
			try {
				return Optional.ofNullable(this.http.get()
					.uri("/api/accounts/{id}", accountId)
					.headers((headers) -> relay(headers, authorization))
					.retrieve()
					.body(KnownAccount.class));
			}
			catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden ex) {
				return Optional.empty();
			}
		});
	}

	/**
	 * The accounts of {@code region} (and of the user's scope) that are the practice with this e-mail, phone, or name
	 * and postal code, those matching on the most keys first ({@code GET /api/accounts/matches}).
	 */
	public List<AccountMatch> matches(String email, String phone, String name, String postalCode, String region) {
		return call((authorization) -> {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("email", email);
			values.put("phone", phone);
			values.put("name", name);
			values.put("postalCode", postalCode);
			values.put("region", region);
			values.values().removeIf(Objects::isNull);
			Matches answer = this.http.get()
				.uri((uri) -> {
					uri.path("/api/accounts/matches");
					// as URI variables, so that each value is encoded whole ("+" of a phone or an e-mail included)
					values.keySet().forEach((key) -> uri.queryParam(key, "{" + key + "}"));
					return uri.build(values);
				})
				.headers((headers) -> relay(headers, authorization))
				.retrieve()
				.body(Matches.class);
			return (answer != null && answer.items() != null) ? answer.items() : List.<AccountMatch>of();
		});
	}

	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	/** One question to account-service, limited in time, retried and guarded by the breaker. */
	private <T> T call(Function<String, T> question) {
		String authorization = currentAuthorization();
		Callable<T> limited = TimeLimiter.decorateFutureSupplier(this.limiter,
				() -> CompletableFuture.supplyAsync(() -> question.apply(authorization), this.calls));
		Callable<T> guarded = CircuitBreaker.decorateCallable(this.breaker, limited);
		try {
			return Retry.decorateCallable(this.retry, guarded).call();
		}
		catch (Exception ex) {
			throw new AccountServiceUnavailableException(this.retryAfterSeconds, ex);
		}
	}

	private static void relay(HttpHeaders headers, String authorization) {
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
	}

	private static String currentAuthorization() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
		}
		return null;
	}

	@PreDestroy
	void stop() {
		this.calls.shutdownNow();
	}

	/** The fields of account-service's account that a conversion reads. */
	public record KnownAccount(String id, String name, String region) {
	}

	/** An account that is the practice, and on which keys ({@code EMAIL}, {@code PHONE}, {@code NAME_AND_POSTAL_CODE}). */
	public record AccountMatch(String accountId, String name, String region, List<String> matchedOn) {
	}

	/** account-service's answer to {@code GET /api/accounts/matches}. */
	record Matches(List<AccountMatch> items) {
	}

}
