package com.chairside.order.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

/**
 * Asks account-service for one account, on behalf of the signed-in user (their token goes along, so their region
 * rules apply there too). Retried briefly and guarded by a circuit breaker: when account-service is down, orders for
 * accounts already known here still go through.
 */
@Component
class AccountServiceClient {

	private final RestClient http;

	AccountServiceClient(RestClient.Builder builder, @Value("${chairside.accounts.url}") String accountServiceUrl) {
		this.http = builder.baseUrl(accountServiceUrl).build();
	}

	@Retry(name = "account-service")
	@CircuitBreaker(name = "account-service", fallbackMethod = "unavailable")
	public Optional<KnownAccount> fetch(String accountId) {
		try {
			AccountAnswer answer = this.http.get()
				.uri("/api/accounts/{id}", accountId)
				.headers((headers) -> forwardToken(headers))
				.retrieve()
				.body(AccountAnswer.class);
			return Optional.ofNullable(answer).map((a) -> new KnownAccount(a.id(), a.name(), a.region(), 0));
		}
		catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden ex) {
			return Optional.empty();
		}
	}

	Optional<KnownAccount> unavailable(String accountId, Throwable cause) {
		throw new AccountServiceUnavailableException(accountId, cause);
	}

	private static void forwardToken(HttpHeaders headers) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}
	}

	/** The fields of account-service's answer that order-service reads. */
	record AccountAnswer(String id, String name, String region) {
	}

}
