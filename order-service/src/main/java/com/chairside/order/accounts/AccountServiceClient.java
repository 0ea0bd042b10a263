package com.chairside.order.accounts;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * Asks account-service for one account, on behalf of the signed-in user (their token goes along, so their region
 * rules apply there too). Each attempt has connect and read timeouts and a time limit; attempts are retried briefly
 * and guarded by a circuit breaker (retry around breaker around time limit). An open breaker is not retried, so a
 * caller learns at once that the account cannot be checked now, with when to try again.
 */
@Component
class AccountServiceClient {

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

	AccountServiceClient(RestClient.Builder builder, AccountServiceSettings settings, CircuitBreakerRegistry breakers,
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

	/** The account, empty when account-service does not know it (or not for this user). */
	public Optional<KnownAccount> fetch(String accountId) {
		String authorization = currentAuthorization();
		Callable<Optional<KnownAccount>> limited = TimeLimiter.decorateFutureSupplier(this.limiter,
				() -> CompletableFuture.supplyAsync(() -> ask(accountId, authorization), this.calls));
		Callable<Optional<KnownAccount>> guarded = CircuitBreaker.decorateCallable(this.breaker, limited);
		try {
			return Retry.decorateCallable(this.retry, guarded).call();
		}
		catch (Exception ex) {
			throw new AccountServiceUnavailableException(accountId, this.retryAfterSeconds, ex);
		}
	}

	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	private Optional<KnownAccount> ask(String accountId, String authorization) {
		try {
			AccountAnswer answer = this.http.get()
				.uri("/api/accounts/{id}", accountId)
				.headers((headers) -> {
					if (authorization != null) {
						headers.set(HttpHeaders.AUTHORIZATION, authorization);
					}
				})
				.retrieve()
				.body(AccountAnswer.class);
			return Optional.ofNullable(answer).map((a) -> new KnownAccount(a.id(), a.name(), a.region(), a.status(), 0));
		}
		catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden ex) {
			return Optional.empty();
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

	/** The fields of account-service's answer that order-service reads. */
	record AccountAnswer(String id, String name, String region, String status) {
	}

}
