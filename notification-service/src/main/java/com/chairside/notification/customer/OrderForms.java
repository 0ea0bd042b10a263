package com.chairside.notification.customer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Fetches an order's form (PDF) from order-service's internal endpoint
 * {@code GET /internal/orders/{id}/form.pdf?lang=} with the shared service key
 * ({@code chairside.notifications.customer.order-service-key}) in {@code X-Chairside-Service-Key}: no person's token
 * exists when an event is handled. Attempts are retried briefly, behind a circuit breaker ({@code order-form}); a
 * failure is the caller's to retry later.
 */
@Component
class OrderForms {

	static final String KEY_HEADER = "X-Chairside-Service-Key";

	private final HttpClient http;

	private final String baseUrl;

	private final String key;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	private final Retry retry;

	OrderForms(CustomerMailProperties settings, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		String baseUrl = settings.orderServiceUrl();
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.key = settings.orderServiceKey();
		this.timeout = settings.orderFormTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.breaker = breakers.circuitBreaker("order-form");
		this.retry = retries.retry("order-form");
	}

	/** The order's form in {@code language}; throws when order-service cannot give it now. */
	byte[] fetch(String orderId, String language) {
		return Retry.decorateSupplier(this.retry,
				CircuitBreaker.decorateSupplier(this.breaker, () -> ask(orderId, language)))
			.get();
	}

	private byte[] ask(String orderId, String language) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.baseUrl + "/internal/orders/" + orderId + "/form.pdf?lang=" + language))
			.timeout(this.timeout)
			.header(KEY_HEADER, this.key)
			.header("Accept", "application/pdf")
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new OrderFormUnavailable("order-service answered " + response.statusCode() + " for the form of "
						+ orderId);
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new OrderFormUnavailable("order-service unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OrderFormUnavailable("interrupted");
		}
	}

	/** The form could not be had now; the mail waits. */
	static class OrderFormUnavailable extends RuntimeException {

		OrderFormUnavailable(String message) {
			super(message);
		}

	}

}
