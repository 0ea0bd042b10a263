package com.chairside.order.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import com.chairside.order.accounts.AccountDirectory;
import com.chairside.order.accounts.KnownAccount;
import com.chairside.order.catalog.CatalogCache;
import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Pricing;
import com.chairside.order.catalog.Product;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;
import com.chairside.platform.web.RuleViolationException;

/**
 * Quoting, placing, changing, moving on and cancelling orders, each scoped to what the signed-in user may see. A
 * caller that names the version it read ({@code If-Match}) changes nothing when the order has moved on since
 * ({@link StaleVersionException}).
 */
@Service
public class OrderManagement {

	private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

	private final Orders orders;

	private final CatalogCache catalog;

	private final Pricing pricing;

	private final AccountDirectory accounts;

	private final EventFactory events;

	private final Clock clock;

	private final OrderNumbers numbers;

	private final BigDecimal approvalThreshold;

	private final BigDecimal maxDiscount;

	OrderManagement(Orders orders, CatalogCache catalog, Pricing pricing, AccountDirectory accounts, EventFactory events,
			Clock clock, OrderNumbers numbers, OrderProperties settings) {
		this.orders = orders;
		this.catalog = catalog;
		this.pricing = pricing;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.numbers = numbers;
		this.approvalThreshold = settings.discountApprovalThreshold();
		this.maxDiscount = settings.maxDiscountPercent();
	}

	/** Creates a quote ({@code draft}) or submits the order at once. */
	public Order create(NewOrder request, boolean draft, CurrentUser user) {
		KnownAccount account = this.accounts.find(request.accountId())
			.filter((a) -> user.canSee(a.region()))
			.orElseThrow(() -> new RuleViolationException("UNKNOWN_ACCOUNT",
					"Account " + request.accountId() + " is not known (yet): open it, or wait for the lead's conversion"));
		List<OrderLine> lines = priced(request.lines(), request.currency());
		Instant now = now();
		Order order = draft
				? Order.draft(this.numbers.next(now), account.id(), account.region(), lines,
						request.requestedDeliveryDate(), request.deliverySite(), this.approvalThreshold, user.id(), now)
				: Order.place(() -> this.numbers.next(now), account.id(), account.region(), lines,
						request.requestedDeliveryDate(), request.deliverySite(), this.approvalThreshold, user.id(), now);
		save(order);
		log.info("Order {} ({}) {} for account {} ({}), total {} {}", order.id(), order.number(), order.status(),
				account.id(), account.region(), order.total().amount(), order.total().currency());
		return order;
	}

	public Order submit(String id, Long expectedVersion, CurrentUser user) {
		return apply(id, expectedVersion, user, (order) -> order.submit(this.approvalThreshold, user.id(), now()));
	}

	/** A sales manager of the order's region (or an admin) who did not give the discount approves it. */
	public Order approveDiscount(String id, Long expectedVersion, CurrentUser user) {
		Order order = apply(decidable(id, user), expectedVersion, (o) -> o.approveDiscount(user.id(), now()));
		log.info("Order {}: {} approved its discount", id, user.id());
		return order;
	}

	/** A sales manager of the order's region (or an admin) who did not give the discount turns it down. */
	public Order rejectDiscount(String id, Long expectedVersion, String reason, CurrentUser user) {
		Order order = apply(decidable(id, user), expectedVersion, (o) -> o.rejectDiscount(reason, user.id(), now()));
		log.info("Order {}: {} rejected its discount", id, user.id());
		return order;
	}

	public Order change(String id, Long expectedVersion, OrderChange request, CurrentUser user) {
		return apply(id, expectedVersion, user, (order) -> {
			List<OrderLine> lines = (request.lines() != null)
					? priced(request.lines(), order.total().currency()) : null;
			List<Change> changes = order.change(request.reason(), lines, request.requestedDeliveryDate(),
					request.deliverySite(), this.approvalThreshold, user.id(), now());
			// The fields only: the reason is free text and a delivery site may name a person.
			log.info("Order {} changed: {}", id, changes.stream().map(Change::field).toList());
		});
	}

	public Order cancel(String id, Long expectedVersion, String reason, CurrentUser user) {
		boolean manager = user.has(CurrentUser.SALES_MANAGER) || user.has(CurrentUser.ADMIN);
		return apply(id, expectedVersion, user, (order) -> order.cancel(reason, user.id(), manager, now()));
	}

	public Order requestCancellation(String id, Long expectedVersion, String reason, CurrentUser user) {
		Order order = apply(id, expectedVersion, user, (o) -> o.requestCancellation(reason, user.id(), now()));
		// not the reason: free text stays out of the logs, as for changes
		log.info("Order {} ({}): {} asks for its cancellation", id, order.status(), user.id());
		return order;
	}

	/** A sales manager of the order's region (or an admin) cancels the order as requested. */
	public Order approveCancellation(String id, Long expectedVersion, CurrentUser user) {
		Order order = apply(decidable(id, user), expectedVersion, (o) -> o.approveCancellation(user.id(), now()));
		log.info("Order {} cancelled: {} approved the request", id, user.id());
		return order;
	}

	/** A sales manager of the order's region (or an admin) turns the request down; the order goes on. */
	public Order rejectCancellation(String id, Long expectedVersion, String reason, CurrentUser user) {
		Order order = apply(decidable(id, user), expectedVersion, (o) -> o.rejectCancellation(reason, user.id(), now()));
		log.info("Order {} stays {}: {} rejected the cancellation request", id, order.status(), user.id());
		return order;
	}

	public Order moveTo(String id, Long expectedVersion, OrderStatus status, LocalDate committedDate, CurrentUser user) {
		return apply(id, expectedVersion, user, (order) -> order.moveTo(status, committedDate, user.id(), now()));
	}

	public Order recommit(String id, Long expectedVersion, LocalDate date, String reason, CurrentUser user) {
		return apply(id, expectedVersion, user, (order) -> order.recommit(date, reason, user.id(), now()));
	}

	public Order find(String id, CurrentUser user) {
		// by _id alone, the region checked on the order read (see com.chairside.platform.persistence)
		Optional<Order> order = this.orders.findById(id)
			.filter((o) -> user.seesAllRegions() || Objects.equals(o.region(), user.region()));
		return order.orElseThrow(() -> new NotFoundException("Order", id));
	}

	/** The order of that number, when the user may see it (another region's is not found, as for a read by id). */
	public Optional<Order> findByNumber(String number, CurrentUser user) {
		// by the unique number alone, the region checked on the order read
		return this.orders.findByNumber(number).filter((o) -> user.canSee(o.region()));
	}

	public Page<Order> list(String region, String accountId, CurrentUser user, Pageable page) {
		String scope = user.seesAllRegions() ? region : user.region();
		if (accountId != null) {
			return (scope == null) ? this.orders.findByAccountId(accountId, page)
					: this.orders.findByAccountIdAndRegion(accountId, scope, page);
		}
		return (scope == null) ? this.orders.findAll(page) : this.orders.findByRegion(scope, page);
	}

	/**
	 * Loads the order, checks the version the caller based the request on, applies the behaviour and saves. A save
	 * that loses a race against another writer is stale as well when the caller named a version.
	 */
	private Order apply(String id, Long expectedVersion, CurrentUser user, java.util.function.Consumer<Order> behaviour) {
		return apply(find(id, user), expectedVersion, behaviour);
	}

	private Order apply(Order order, Long expectedVersion, java.util.function.Consumer<Order> behaviour) {
		String id = order.id();
		if (expectedVersion != null && !expectedVersion.equals(order.version())) {
			throw new StaleVersionException(id, expectedVersion, order.version());
		}
		if (order.number() == null) {
			// stored before numbers existed and not reached by the start-up upgrade yet: its events carry one too
			order.numbered(this.numbers.next((order.draftedAt() != null) ? order.draftedAt() : now()));
		}
		behaviour.accept(order);
		try {
			return save(order);
		}
		catch (OptimisticLockingFailureException ex) {
			if (expectedVersion != null) {
				throw new StaleVersionException(id, expectedVersion, null);
			}
			throw ex;
		}
	}

	/**
	 * A sales manager whose token names a region decides for that region's orders only; another region's order does
	 * not exist for them (404), as for an account manager. Nobody decides on what they placed, last changed or asked
	 * for themselves (separation of duties: 403 {@code SEPARATION_OF_DUTIES}).
	 */
	private Order decidable(String id, CurrentUser user) {
		Order order = find(id, user);
		if (!managesRegion(user, order.region())) {
			throw new NotFoundException("Order", id);
		}
		if (order.interestedParties().contains(user.id())) {
			throw new SeparationOfDutiesException("Order " + id + ": " + user.id() + " placed, changed or asked for"
					+ " what is to be decided; another sales manager of the region (or an admin) decides");
		}
		return order;
	}

	/** Whether the user decides for orders of {@code region}: an admin, or a sales manager of it or of every region. */
	public static boolean managesRegion(CurrentUser user, String region) {
		if (user.has(CurrentUser.ADMIN)) {
			return true;
		}
		return user.has(CurrentUser.SALES_MANAGER) && (user.region() == null || user.region().equals(region));
	}

	/**
	 * Prices the requested lines from the price list; an unknown or repeated SKU or a bad option names its line. A
	 * discount above the maximum is refused for everyone, before anything else.
	 */
	private List<OrderLine> priced(List<RequestedLine> requested, String currency) {
		refuseDiscountsAbove(this.maxDiscount, requested);
		List<OrderLine> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		LocalDate today = LocalDate.now(this.clock);
		for (int i = 0; i < requested.size(); i++) {
			RequestedLine line = requested.get(i);
			String field = "lines[" + i + "].sku";
			if (!seen.add(line.sku())) {
				throw new InvalidFieldException(field, "SKU " + line.sku() + " appears twice; give one line per SKU");
			}
			Product product = this.catalog.product(line.sku())
				.orElseThrow(() -> new InvalidFieldException(field, "is not a catalogue SKU: " + line.sku()));
			checkOptions(product, line.options(), "lines[" + i + "].options");
			Money price = this.pricing.priceOf(product, currency, today)
				.orElseThrow(() -> new InvalidFieldException(field, "has no " + currency + " price valid on " + today));
			lines.add(OrderLine.of(product, price, line.quantity(), line.options(), line.discountPercent()));
		}
		return lines;
	}

	/** Refuses the first line whose discount is above {@code maximum}, which nobody may give or approve. */
	static void refuseDiscountsAbove(BigDecimal maximum, List<RequestedLine> requested) {
		for (int i = 0; i < requested.size(); i++) {
			RequestedLine line = requested.get(i);
			if (line.discountPercent() != null && line.discountPercent().compareTo(maximum) > 0) {
				throw new DiscountAboveMaximumException("lines[" + i + "] (" + line.sku() + "): a discount of "
						+ EventLine.percent(line.discountPercent()) + "% is above the maximum of "
						+ EventLine.percent(maximum) + "%, which nobody may give or approve");
			}
		}
	}

	private static void checkOptions(Product product, Map<String, String> options, String field) {
		if (options == null) {
			return;
		}
		options.forEach((name, value) -> {
			List<String> allowed = product.options().get(name);
			if (allowed == null) {
				throw new InvalidFieldException(field + "." + name, product.sku() + " has no option " + name
						+ "; it has " + product.options().keySet());
			}
			if (!allowed.contains(value)) {
				throw new InvalidFieldException(field + "." + name, "must be one of " + allowed);
			}
		});
	}

	private Instant now() {
		return this.clock.instant();
	}

	private Order save(Order order) {
		order.stageEvents("order", order.id(), this.events);
		return this.orders.save(order);
	}

	/** A line as the account manager asks for it. */
	public record RequestedLine(String sku, int quantity, Map<String, String> options, BigDecimal discountPercent) {
	}

	/** A new order or quote. */
	public record NewOrder(String accountId, List<RequestedLine> lines, LocalDate requestedDeliveryDate,
			String deliverySite, String currency) {
	}

	/** What a change asks for; what is null stays as it is. */
	public record OrderChange(String reason, List<RequestedLine> lines, LocalDate requestedDeliveryDate,
			String deliverySite) {
	}

}
