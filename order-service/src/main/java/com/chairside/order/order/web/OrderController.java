package com.chairside.order.order.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.order.Order;
import com.chairside.order.order.OrderManagement;
import com.chairside.platform.security.CurrentUser;

/** Orders for the sales UI: place, change with a reason, cancel with a reason. */
@RestController
@RequestMapping("/api/orders")
class OrderController {



	private final OrderManagement orders;

	OrderController(OrderManagement orders) {
		this.orders = orders;
	}

	@PostMapping
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
		Order order = this.orders.place(request.accountId(), request.lines().stream().map(LineRequest::toLine).toList(),
				request.requestedDeliveryDate(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(OrderView.of(order));
	}

	@GetMapping("/{id}")
	OrderView order(@PathVariable String id) {
		return OrderView.of(this.orders.find(id, CurrentUser.get()));
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) String accountId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Page<Order> found = this.orders.list(region, accountId, CurrentUser.get(),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500), Sort.by("placedAt").descending()));
		return Map.of("items", found.map(OrderView::of).getContent(), "page", page, "total", found.getTotalElements());
	}

	@PatchMapping("/{id}")
	OrderView change(@PathVariable String id, @Valid @RequestBody ChangeOrderRequest request) {
		List<com.chairside.order.order.OrderManagement.RequestedLine> lines = (request.lines() != null)
				? request.lines().stream().map(LineRequest::toLine).toList() : null;
		return OrderView.of(this.orders.change(id, request.reason().strip(), lines, request.requestedDeliveryDate(),
				CurrentUser.get()));
	}

	@PostMapping("/{id}/cancel")
	OrderView cancel(@PathVariable String id, @Valid @RequestBody CancelOrderRequest request) {
		return OrderView.of(this.orders.cancel(id, request.reason().strip(), CurrentUser.get()));
	}

}
