package com.chairside.notification.webhook.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.notification.webhook.SubscriptionRequest;
import com.chairside.notification.webhook.Webhooks;
import com.chairside.platform.security.CurrentUser;

/** {@code /api/webhook-subscriptions}: admins subscribe the departments' systems and watch how deliveries fare;
 * a department watches its own subscriptions' deliveries. */
@RestController
@RequestMapping("/api/webhook-subscriptions")
class WebhookSubscriptionController {

	private final Webhooks webhooks;

	WebhookSubscriptionController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	ResponseEntity<Webhooks.Subscription> subscribe(@RequestBody SubscriptionRequest request) {
		Webhooks.Subscription subscription = this.webhooks.subscribe(request, CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/webhook-subscriptions/" + subscription.id())).body(subscription);
	}

	@GetMapping
	List<Webhooks.Subscription> list() {
		return this.webhooks.list();
	}

	@GetMapping("/{id}")
	Webhooks.Subscription get(@PathVariable String id) {
		return this.webhooks.get(id);
	}

	/**
	 * {@code GET /api/webhook-subscriptions/{id}/deliveries[?page=0&size=100]}: the subscription's deliveries one by
	 * one, newest first; for admins and the subscription's department.
	 */
	@GetMapping("/{id}/deliveries")
	Map<String, Object> deliveries(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
		PageRequest request = PageRequest.of(page, size);
		Page<Webhooks.DeliveryView> found = this.webhooks.deliveries(id, CurrentUser.get(), request);
		return Map.of("items", found.getContent(), "page", request.getPageNumber(), "size", request.getPageSize(),
				"total", found.getTotalElements());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable String id) {
		this.webhooks.unsubscribe(id);
		return ResponseEntity.noContent().build();
	}

}
