package com.chairside.order.order.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.order.HistoryEntry;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderManagement;
import com.chairside.order.order.StaleVersionException;
import com.chairside.platform.security.CurrentUser;

/**
 * Orders for the sales UI: quote or place, submit, change with a reason, cancel with a reason (or request the
 * cancellation, which a sales manager approves or rejects), move through fulfilment, reschedule, read the history and
 * the printable form. Every answer with an order carries its version as
 * the {@code ETag}; writes honour {@code If-Match}.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final OrderManagement orders;

	private final OrderForm form;

	OrderController(OrderManagement orders, OrderForm form) {
		this.orders = orders;
		this.form = form;
	}

	@PostMapping
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
		Order order = this.orders.create(request.toNewOrder(), request.isDraft(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/orders/" + order.id())).eTag(etag(order)).body(OrderView.of(order));
	}

	@GetMapping("/{id}")
	ResponseEntity<OrderView> order(@PathVariable String id) {
		return view(this.orders.find(id, CurrentUser.get()));
	}

	/**
	 * Orders newest first, of the caller's region for an account manager; {@code number} finds the one order of that
	 * number (an empty list when there is none the caller may see).
	 */
	@GetMapping
	@Operation(summary = "List orders, or find one by its number",
			description = "number=SO-2026-000042 answers the order of that number in items (none when unknown or of"
					+ " another region for an account manager); region and accountId filter as well.")
	Map<String, Object> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) String accountId,
			@Parameter(description = "An order number, SO-<year>-<six digits>") @RequestParam(required = false) String number,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		if (number != null) {
			List<OrderView> items = this.orders.findByNumber(number.strip(), CurrentUser.get())
				.filter((o) -> (region == null || region.equals(o.region()))
						&& (accountId == null || accountId.equals(o.accountId())))
				.map(OrderView::of)
				.stream()
				.toList();
			return Map.of("items", items, "page", page, "total", items.size());
		}
		Page<Order> found = this.orders.list(region, accountId, CurrentUser.get(),
				PageRequest.of(page, size, Sort.by("draftedAt").descending()));
		return Map.of("items", found.map(OrderView::of).getContent(), "page", page, "total", found.getTotalElements());
	}

	@PatchMapping("/{id}")
	ResponseEntity<OrderView> change(@PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ChangeOrderRequest request) {
		return view(this.orders.change(id, version(id, ifMatch), request.toChange(), CurrentUser.get()));
	}

	@PostMapping("/{id}/submit")
	ResponseEntity<OrderView> submit(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return view(this.orders.submit(id, version(id, ifMatch), CurrentUser.get()));
	}

	@PostMapping("/{id}/discount-approval")
	@Operation(summary = "Approve the discount that waits for a decision",
			description = "A sales manager of the order's region (one without a region: any) or an admin; 403"
					+ " SEPARATION_OF_DUTIES for who placed, last changed or gave the discount; 409"
					+ " NO_DISCOUNT_APPROVAL_REQUESTED when none waits. Publishes DiscountApproved.")
	ResponseEntity<OrderView> approveDiscount(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return view(this.orders.approveDiscount(id, version(id, ifMatch), CurrentUser.get()));
	}

	@PostMapping("/{id}/discount-approval/reject")
	@Operation(summary = "Reject the discount that waits for a decision, for a reason",
			description = "Who may: as for the approval. The quote stays a draft and cannot be submitted with that"
					+ " discount. Publishes DiscountRejected.")
	ResponseEntity<OrderView> rejectDiscount(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CancelOrderRequest request) {
		return view(this.orders.rejectDiscount(id, version(id, ifMatch), request.reason().strip(), CurrentUser.get()));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<OrderView> cancel(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CancelOrderRequest request) {
		return view(this.orders.cancel(id, version(id, ifMatch), request.reason().strip(), CurrentUser.get()));
	}

	/** Asks a sales manager to cancel the order (what a cancellation in production needs): 202, the request pending. */
	@PostMapping("/{id}/cancellation-request")
	ResponseEntity<OrderView> requestCancellation(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CancelOrderRequest request) {
		Order order = this.orders.requestCancellation(id, version(id, ifMatch), request.reason().strip(),
				CurrentUser.get());
		return ResponseEntity.accepted().eTag(etag(order)).body(OrderView.of(order));
	}

	@PostMapping("/{id}/cancellation-request/approve")
	@Operation(summary = "Approve the pending cancellation request: the order is cancelled",
			description = "A sales manager of the order's region (one without a region: any) or an admin; 403"
					+ " SEPARATION_OF_DUTIES for who placed or last changed the order or asked for the cancellation.")
	ResponseEntity<OrderView> approveCancellation(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return view(this.orders.approveCancellation(id, version(id, ifMatch), CurrentUser.get()));
	}

	@PostMapping("/{id}/cancellation-request/reject")
	@Operation(summary = "Reject the pending cancellation request, for a reason; the order goes on",
			description = "Who may: as for the approval.")
	ResponseEntity<OrderView> rejectCancellation(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CancelOrderRequest request) {
		return view(this.orders.rejectCancellation(id, version(id, ifMatch), request.reason().strip(), CurrentUser.get()));
	}

	@PostMapping("/{id}/status")
	ResponseEntity<OrderView> status(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody StatusRequest request) {
		return view(this.orders.moveTo(id, version(id, ifMatch), request.status(), request.committedDeliveryDate(),
				CurrentUser.get()));
	}

	@PutMapping("/{id}/commitment")
	ResponseEntity<OrderView> recommit(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CommitmentRequest request) {
		return view(this.orders.recommit(id, version(id, ifMatch), request.committedDeliveryDate(),
				request.reason().strip(), CurrentUser.get()));
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable String id) {
		return this.orders.find(id, CurrentUser.get()).history();
	}

	@GetMapping(path = "/{id}/form", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> form(@PathVariable String id) {
		Order order = this.orders.find(id, CurrentUser.get());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			// saved under the order number the practice and the departments know it by
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"" + ((order.number() != null) ? order.number() : "order-" + order.id()) + ".pdf\"")
			.eTag(etag(order))
			.body(this.form.render(order));
	}

	private static ResponseEntity<OrderView> view(Order order) {
		return ResponseEntity.ok().eTag(etag(order)).body(OrderView.of(order));
	}

	private static String etag(Order order) {
		return "\"" + order.version() + "\"";
	}

	/** The version an {@code If-Match} names ({@code "3"} or {@code W/"3"}); none, or {@code *}, checks nothing. */
	private static Long version(String id, String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			throw new StaleVersionException(id, -1L, null);
		}
	}

}
