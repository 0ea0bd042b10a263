package com.chairside.order.order;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import com.chairside.order.accounts.AccountDirectory;
import com.chairside.order.accounts.KnownAccount;
import com.chairside.order.catalog.Catalog;
import com.chairside.order.catalog.Product;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;
import com.chairside.platform.web.RuleViolationException;

/** Placing, changing and cancelling orders, each scoped to what the signed-in user may see. */
@Service
public class OrderManagement {

	private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

	private final Orders orders;

	private final Catalog catalog;

	private final AccountDirectory accounts;

	private final EventFactory events;

	private final Clock clock;

	OrderManagement(Orders orders, Catalog catalog, AccountDirectory accounts, EventFactory events, Clock clock) {
		this.orders = orders;
		this.catalog = catalog;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	public Order place(String accountId, List<RequestedLine> lines, LocalDate requestedDeliveryDate, CurrentUser user) {
		KnownAccount account = this.accounts.find(accountId)
			.filter((a) -> user.canSee(a.region()))
			.orElseThrow(() -> new RuleViolationException("UNKNOWN_ACCOUNT",
					"Account " + accountId + " is not known (yet): open it, or wait for the lead's conversion"));
		Order order = Order.place(account.id(), account.region(), priced(lines), requestedDeliveryDate, user.id(),
				this.clock.instant());
		save(order);
		log.info("Order {} placed for account {} ({}), total {} {}", order.id(), account.id(), account.region(),
				order.total().amount(), order.total().currency());
		return order;
	}

	public Order change(String id, String reason, List<RequestedLine> lines, LocalDate requestedDeliveryDate,
			CurrentUser user) {
		Order order = find(id, user);
		List<Change> changes = order.change(reason, (lines != null) ? priced(lines) : null, requestedDeliveryDate,
				user.id(), this.clock.instant());
		if (changes.isEmpty()) {
			return order;
		}
		log.info("Order {} changed ({}): {}", id, reason, changes);
		return save(order);
	}

	public Order cancel(String id, String reason, CurrentUser user) {
		Order order = find(id, user);
		order.cancel(reason, user.id(), this.clock.instant());
		log.info("Order {} cancelled: {}", id, reason);
		return save(order);
	}

	public Order find(String id, CurrentUser user) {
		Optional<Order> order = user.seesAllRegions() ? this.orders.findById(id)
				: this.orders.findByIdAndRegion(id, user.region());
		return order.orElseThrow(() -> new NotFoundException("Order", id));
	}

	public Page<Order> list(String region, String accountId, CurrentUser user, Pageable page) {
		String scope = user.seesAllRegions() ? region : user.region();
		if (accountId != null) {
			return (scope == null) ? this.orders.findByAccountId(accountId, page)
					: this.orders.findByAccountIdAndRegion(accountId, scope, page);
		}
		return (scope == null) ? this.orders.findAll(page) : this.orders.findByRegion(scope, page);
	}

	/** Prices the requested lines at today's list prices; an unknown or repeated SKU names its line. */
	private List<OrderLine> priced(List<RequestedLine> requested) {
		List<OrderLine> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			RequestedLine line = requested.get(i);
			String field = "lines[" + i + "].sku";
			if (!seen.add(line.sku())) {
				throw new InvalidFieldException(field, "SKU " + line.sku() + " appears twice; give one line per SKU");
			}
			Product product = this.catalog.findById(line.sku())
				.orElseThrow(() -> new InvalidFieldException(field, "is not a catalogue SKU: " + line.sku()));
			lines.add(OrderLine.of(product, line.quantity()));
		}
		return lines;
	}

	private Order save(Order order) {
		order.stageEvents("order", order.id(), this.events);
		return this.orders.save(order);
	}

	/** A line as the account manager asks for it. */
	public record RequestedLine(String sku, int quantity) {
	}

}
