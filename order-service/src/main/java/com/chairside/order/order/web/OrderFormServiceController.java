package com.chairside.order.order.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.order.Order;
import com.chairside.order.order.OrderProperties;
import com.chairside.order.order.Orders;
import com.chairside.platform.web.NotFoundException;
import com.chairside.platform.security.AccessRules;

/**
 * The order form for other services, which act on events with no person's token to relay: notification-service
 * attaches it to the practice's mail. Not routed by the gateway; a caller proves itself with the shared key
 * ({@code chairside.orders.form-service-key}) in {@code X-Chairside-Service-Key}, else 401.
 */
@Hidden
@RestController
class OrderFormServiceController {

	static final String KEY_HEADER = "X-Chairside-Service-Key";

	private final Orders orders;

	private final OrderForm form;

	OrderFormServiceController(Orders orders, OrderForm form) {
		this.orders = orders;
		this.form = form;
	}

	@GetMapping(path = "/internal/orders/{id}/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> form(@PathVariable String id, @RequestParam(defaultValue = "en") String lang) {
		Order order = this.orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
		String language = OrderForm.LANGUAGES.contains(lang) ? lang : "en";
		String number = (order.number() != null) ? order.number() : order.id();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number + ".pdf\"")
			.header(HttpHeaders.CONTENT_LANGUAGE, language)
			.body(this.form.render(order, language));
	}

	/** Only a caller with the shared key reaches the internal form; compared in constant time. */
	@Configuration(proxyBeanMethods = false)
	static class ServiceKeyAccess {

		@Bean
		AccessRules orderFormServiceRules(OrderProperties settings) {
			byte[] expected = settings.formServiceKey().getBytes(StandardCharsets.UTF_8);
			return (requests) -> requests.requestMatchers(HttpMethod.GET, "/internal/orders/*/form.pdf")
				.access((authentication, context) -> new AuthorizationDecision(matches(context.getRequest(), expected)))
				.requestMatchers("/internal/**")
				.denyAll();
		}

		private static boolean matches(HttpServletRequest request, byte[] expected) {
			String given = request.getHeader(KEY_HEADER);
			return expected.length > 0 && given != null
					&& MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
		}

	}

}
