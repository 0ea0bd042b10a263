package com.chairside.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.order.catalog.Money;
import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.ConflictException;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.RuleViolationException;

/**
 * A sales order of an account, from quote (draft) to installation. The order guards its lifecycle: each transition is
 * a method that refuses what is not allowed, every change states a reason and lists what it altered and which
 * departments it touches, and every step is kept in its history.
 */
@Document("orders")
@CompoundIndex(name = "region_newest", def = "{'region': 1, 'draftedAt': -1}")
@CompoundIndex(name = "account_newest", def = "{'accountId': 1, 'draftedAt': -1}")
public class Order extends AggregateRoot {

	@Id
	private String id;

	/**
	 * The number people use ({@code SO-2026-000042}), given when the order is created; orders stored before numbers
	 * existed get theirs at start-up ({@link OrderStoreUpgrade}), hence sparse.
	 */
	@Indexed(unique = true, sparse = true)
	private String number;

	@Version
	private Long version;

	/** Indexed with the drafting time: an account's orders are listed newest first. */
	private String accountId;

	/** Indexed with the drafting time: a region's orders are listed newest first. */
	private String region;

	@Indexed
	private OrderStatus status;

	private List<OrderLine> lines = new ArrayList<>();

	private Money total;

	private LocalDate requestedDeliveryDate;

	private String deliverySite;

	private LocalDate committedDeliveryDate;

	private String draftedBy;

	private Instant draftedAt;

	private String placedBy;

	private Instant placedAt;

	private Instant updatedAt;

	/** Who last changed the lines, the dates or the site (creating the order counts); they decide nothing on it. */
	private String lastChangedBy;

	private String cancellationReason;

	/** The cancellation asked for and not decided yet, if any. */
	private CancellationRequest cancellationRequest;

	private BigDecimal approvedDiscountPercent;

	private String discountApprovedBy;

	/** The discount above the threshold that waits for a sales manager's decision, if any. */
	private DiscountRequest pendingDiscount;

	/** The last discount a sales manager turned down, until a new one is asked for. */
	private DiscountRejection discountRejection;

	private List<HistoryEntry> history = new ArrayList<>();

	/** The delivery risks already raised, so that each is raised once (see {@link #flagRisk}). */
	private Set<String> flaggedRisks = new LinkedHashSet<>();

	protected Order() {
	}

	private static Order open(String number, String accountId, String region, List<OrderLine> lines,
			LocalDate requestedDeliveryDate, String deliverySite, String by, Instant now) {
		Order order = new Order();
		order.id = UUID.randomUUID().toString();
		order.number = number;
		order.accountId = accountId;
		order.region = region;
		order.status = OrderStatus.DRAFT;
		order.lines = new ArrayList<>(lines);
		order.total = totalOf(lines);
		order.requestedDeliveryDate = requestedDeliveryDate;
		order.deliverySite = deliverySite;
		order.draftedBy = by;
		order.draftedAt = now;
		order.updatedAt = now;
		order.lastChangedBy = by;
		return order;
	}

	/**
	 * A quote: priced, discounted, nothing booked. A discount above {@code approvalThreshold} waits for a sales
	 * manager's decision ({@link DiscountApprovalRequested}).
	 */
	public static Order draft(String number, String accountId, String region, List<OrderLine> lines,
			LocalDate requestedDeliveryDate, String deliverySite, BigDecimal approvalThreshold, String by, Instant now) {
		Order order = open(number, accountId, region, lines, requestedDeliveryDate, deliverySite, by, now);
		order.raiseDrafted(by, now, null, List.of());
		order.askApprovalIfNeeded(approvalThreshold, null, by, now);
		return order;
	}

	/**
	 * An order submitted at once (placed). Its number is taken only once the order is known to be
	 * acceptable, so that refused orders leave no gaps.
	 */
	public static Order place(Supplier<String> number, String accountId, String region, List<OrderLine> lines,
			LocalDate requestedDeliveryDate, String deliverySite, BigDecimal approvalThreshold, String by, Instant now) {
		Order order = open(null, accountId, region, lines, requestedDeliveryDate, deliverySite, by, now);
		order.requireApprovedDiscount(approvalThreshold);
		order.number = number.get();
		order.submit(approvalThreshold, by, now);
		return order;
	}

	/** Gives an order stored before numbers existed its number; one that has a number keeps it. */
	void numbered(String number) {
		if (this.number == null) {
			this.number = number;
		}
	}

	/** Submits a draft; a discount above {@code approvalThreshold} must have been approved by a sales manager. */
	public void submit(BigDecimal approvalThreshold, String by, Instant now) {
		if (this.status != OrderStatus.DRAFT) {
			throw new ConflictException("NOT_A_DRAFT", "Order " + this.id + " is " + this.status + ", not a draft");
		}
		requireApprovedDiscount(approvalThreshold);
		this.status = OrderStatus.SUBMITTED;
		this.placedBy = by;
		this.placedAt = now;
		this.updatedAt = now;
		raiseAndRecord(new OrderPlaced(this.id, this.number, this.accountId, this.region, EventLine.of(this.lines), this.total,
				this.requestedDeliveryDate, by, now, this.deliverySite), by, now, null, List.of());
	}

	/** A sales manager approves the discount that waits for a decision (the largest line discount). */
	public void approveDiscount(String by, Instant now) {
		DiscountRequest request = discountAwaitingDecision();
		this.approvedDiscountPercent = request.discountPercent();
		this.discountApprovedBy = by;
		this.pendingDiscount = null;
		this.discountRejection = null;
		this.updatedAt = now;
		raiseAndRecord(new DiscountApproved(this.id, this.number, this.accountId, this.region,
				EventLine.percent(this.approvedDiscountPercent), by, now, this.total, request.requestedBy(), by), by,
				now, null, List.of());
	}

	/**
	 * A sales manager turns the discount that waits down, for a reason: the quote stays a draft, and cannot be
	 * submitted until its discounts are within the threshold or a new discount is approved.
	 */
	public void rejectDiscount(String reason, String by, Instant now) {
		DiscountRequest request = discountAwaitingDecision();
		this.pendingDiscount = null;
		this.discountRejection = new DiscountRejection(request.discountPercent(), request.requestedBy(), by, now, reason);
		this.updatedAt = now;
		raiseAndRecord(new DiscountRejected(this.id, this.number, this.accountId, this.region,
				EventLine.percent(request.discountPercent()), request.requestedBy(), by, reason, now), by, now, reason,
				List.of());
	}

	private DiscountRequest discountAwaitingDecision() {
		return awaitingDecision(this.pendingDiscount, "NO_DISCOUNT_APPROVAL_REQUESTED", "discount waiting for approval");
	}

	/**
	 * Who may not decide on this order (separation of duties): who placed or drafted it, who last changed it, and who
	 * asked for what waits (a discount, a cancellation).
	 */
	public Set<String> interestedParties() {
		Set<String> parties = new LinkedHashSet<>();
		for (String party : new String[] { this.draftedBy, this.placedBy, this.lastChangedBy,
				(this.pendingDiscount != null) ? this.pendingDiscount.requestedBy() : null,
				(this.cancellationRequest != null) ? this.cancellationRequest.requestedBy() : null }) {
			if (party != null) {
				parties.add(party);
			}
		}
		return parties;
	}

	/**
	 * Asks a sales manager to decide on a discount above {@code threshold} that nobody approved yet; a discount back
	 * within the threshold (or within what was approved) withdraws the question. Asked once per discount: the same
	 * discount again raises nothing.
	 */
	private void askApprovalIfNeeded(BigDecimal threshold, String reason, String by, Instant now) {
		BigDecimal max = maxDiscount();
		if (max.compareTo(threshold) <= 0 || discountApproved(max)) {
			this.pendingDiscount = null;
			return;
		}
		if (this.pendingDiscount != null && this.pendingDiscount.discountPercent().compareTo(max) == 0) {
			return;
		}
		this.pendingDiscount = new DiscountRequest(max, by, now, reason);
		this.discountRejection = null;
		raiseAndRecord(new DiscountApprovalRequested(this.id, this.number, this.accountId, this.region,
				EventLine.percent(max), by, now, this.total), by, now, reason, List.of());
	}

	/**
	 * Changes the lines (when given, they replace the lines), the requested delivery date and the delivery site (when
	 * given). Allowed until shipped. Returns what changed; a request that alters nothing raises nothing.
	 */
	public List<Change> change(String reason, List<OrderLine> newLines, LocalDate newDeliveryDate, String newSite,
			BigDecimal approvalThreshold, String by, Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			throw new RuleViolationException("ORDER_CANCELLED", "Order " + this.id + " is cancelled and cannot change");
		}
		refuseIfShipped("changed");
		long basedOn = (this.version != null) ? this.version : 0;
		List<Change> changes = new ArrayList<>();
		if (newLines != null) {
			changes.addAll(lineChanges(this.lines, newLines));
		}
		if (newDeliveryDate != null && !newDeliveryDate.equals(this.requestedDeliveryDate)) {
			changes.add(new Change("requestedDeliveryDate", String.valueOf(this.requestedDeliveryDate),
					newDeliveryDate.toString()));
		}
		if (newSite != null && !newSite.equals(this.deliverySite)) {
			changes.add(new Change("deliverySite", this.deliverySite, newSite));
		}
		if (changes.isEmpty()) {
			return changes;
		}
		if (newLines != null) {
			Money before = this.total;
			this.lines = new ArrayList<>(newLines);
			this.total = totalOf(newLines);
			if (!before.equals(this.total)) {
				changes.add(new Change("total", before.amount().toPlainString(), this.total.amount().toPlainString()));
			}
			if (this.status != OrderStatus.DRAFT) {
				requireApprovedDiscount(approvalThreshold);
			}
		}
		if (newDeliveryDate != null) {
			this.requestedDeliveryDate = newDeliveryDate;
		}
		if (newSite != null) {
			this.deliverySite = newSite;
		}
		this.updatedAt = now;
		this.lastChangedBy = by;
		if (this.status == OrderStatus.DRAFT) {
			raiseDrafted(by, now, reason, changes);
			askApprovalIfNeeded(approvalThreshold, reason, by, now);
			return changes;
		}
		raiseAndRecord(new OrderChanged(this.id, this.number, this.accountId, this.region, reason, List.copyOf(changes),
				EventLine.of(this.lines), this.total, this.requestedDeliveryDate, by, now, departments(changes),
				this.status.productionStarted(), this.deliverySite, basedOn), by, now, reason, changes);
		return changes;
	}

	/**
	 * Cancels the order for a reason, until it ships; after production started only a sales manager may (their
	 * cancellation is the approval). Cancelling a cancelled order changes nothing. A pending cancellation request is
	 * settled by it.
	 */
	public void cancel(String reason, String by, boolean bySalesManager, Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			return;
		}
		refuseIfShipped("cancelled");
		boolean late = this.status.productionStarted();
		if (late && !bySalesManager) {
			throw new ConflictException("LATE_CANCELLATION_NEEDS_APPROVAL", "Order " + this.id
					+ " is in production; a sales manager must approve (and make) its cancellation: request it with"
					+ " POST /api/orders/" + this.id + "/cancellation-request");
		}
		cancelled(reason, by, late ? by : null, now);
	}

	/**
	 * Asks a sales manager to cancel the order (needed once production started, allowed until it ships). One request
	 * at a time.
	 */
	public void requestCancellation(String reason, String by, Instant now) {
		refuseIfCancelled();
		refuseIfShipped("cancelled");
		if (this.cancellationRequest != null) {
			throw new ConflictException("CANCELLATION_ALREADY_REQUESTED", "Order " + this.id + ": "
					+ this.cancellationRequest.requestedBy() + " asked for its cancellation at "
					+ this.cancellationRequest.requestedAt() + "; a sales manager has not decided yet");
		}
		this.cancellationRequest = new CancellationRequest(reason, by, now);
		this.updatedAt = now;
		raiseAndRecord(new OrderCancellationRequested(this.id, this.number, this.accountId, this.region, reason, by, now,
				this.status, this.status.productionStarted(), this.total), by, now, reason, List.of());
	}

	/** A sales manager grants the pending request: the order is cancelled for the request's reason. */
	public void approveCancellation(String by, Instant now) {
		CancellationRequest request = pendingRequest();
		refuseIfShipped("cancelled");
		cancelled(request.reason(), by, by, now);
	}

	/** A sales manager turns the pending request down, for a reason; the order goes on as it was. */
	public void rejectCancellation(String reason, String by, Instant now) {
		CancellationRequest request = pendingRequest();
		this.cancellationRequest = null;
		this.updatedAt = now;
		raiseAndRecord(new OrderCancellationRejected(this.id, this.number, this.accountId, this.region, reason,
				request.reason(), request.requestedBy(), request.requestedAt(), by, now, this.status, by), by, now,
				reason, List.of());
	}

	private CancellationRequest pendingRequest() {
		return awaitingDecision(this.cancellationRequest, "NO_CANCELLATION_REQUESTED", "pending cancellation request");
	}

	/** What a decision is about: 409 {@code code} when nothing waits, or the order is cancelled. */
	private <T> T awaitingDecision(T pending, String code, String what) {
		refuseIfCancelled();
		if (pending == null) {
			throw new ConflictException(code, "Order " + this.id + " has no " + what);
		}
		return pending;
	}

	private void refuseIfCancelled() {
		if (this.status == OrderStatus.CANCELLED) {
			throw new ConflictException("ORDER_CANCELLED", "Order " + this.id + " is cancelled already");
		}
	}

	private void refuseIfShipped(String what) {
		if (this.status.shipped()) {
			throw new ConflictException("ORDER_SHIPPED", "Order " + this.id + " is " + this.status
					+ "; it can no longer be " + what);
		}
	}

	private void cancelled(String reason, String by, String approvedBy, Instant now) {
		OrderStatus before = this.status;
		String requestedBy = (this.cancellationRequest != null) ? this.cancellationRequest.requestedBy() : null;
		this.status = OrderStatus.CANCELLED;
		this.cancellationReason = reason;
		this.cancellationRequest = null;
		this.pendingDiscount = null;
		this.updatedAt = now;
		raiseAndRecord(new OrderCancelled(this.id, this.number, this.accountId, this.region, reason, this.total, by, now, before,
				before.productionStarted(), approvedBy, requestedBy), by, now, reason, List.of());
	}

	/**
	 * Moves the order one fulfilment step on; confirming needs the committed delivery date. Asking for the state the
	 * order is already in changes nothing.
	 */
	public void moveTo(OrderStatus target, LocalDate committedDate, String by, Instant now) {
		if (target == this.status) {
			return;
		}
		OrderStatus next = this.status.next().orElse(null);
		if (target != next) {
			throw new ConflictException("TRANSITION_NOT_ALLOWED", "Order " + this.id + " is " + this.status
					+ " and cannot become " + target + ((next != null) ? "; the next step is " + next : ""));
		}
		if (target == OrderStatus.CONFIRMED) {
			if (committedDate == null) {
				throw new InvalidFieldException("committedDeliveryDate", "is required to confirm an order");
			}
			this.committedDeliveryDate = committedDate;
		}
		OrderStatus from = this.status;
		this.status = target;
		this.updatedAt = now;
		if (target == OrderStatus.CONFIRMED) {
			raise(new OrderConfirmed(this.id, this.number, this.accountId, this.region, committedDate, this.total, by, now));
		}
		raiseAndRecord(new OrderStatusChanged(this.id, this.number, this.accountId, this.region, from, target,
				this.committedDeliveryDate, by, now, this.total), by, now, null,
				List.of(new Change("status", from.name(), target.name())));
	}

	/** Reschedules the committed delivery date; risks already raised for the old date no longer count. */
	public void recommit(LocalDate newDate, String reason, String by, Instant now) {
		if (this.committedDeliveryDate == null || this.status == OrderStatus.CANCELLED
				|| this.status.ordinal() >= OrderStatus.DELIVERED.ordinal()) {
			throw new ConflictException("NO_COMMITMENT_TO_CHANGE", "Order " + this.id + " is " + this.status
					+ "; it has no open delivery commitment to change");
		}
		if (newDate.equals(this.committedDeliveryDate)) {
			return;
		}
		LocalDate before = this.committedDeliveryDate;
		this.committedDeliveryDate = newDate;
		this.flaggedRisks.clear();
		this.updatedAt = now;
		raiseAndRecord(new DeliveryCommitmentChanged(this.id, this.number, this.accountId, this.region, before, newDate, reason, by,
				now, this.total), by, now, reason, List.of(new Change("committedDeliveryDate", before.toString(), newDate.toString())));
	}

	/**
	 * Raises {@code event} for the risk {@code key} unless it was raised before; the mark and the event are saved in
	 * one conditional (versioned) write, so two watchers cannot both raise it.
	 */
	public boolean flagRisk(String key, OrderEvent event, Instant now) {
		if (!this.flaggedRisks.add(key)) {
			return false;
		}
		raiseAndRecord(event, "delivery-watch", now, key, List.of());
		return true;
	}

	/** The latest day production can start and still meet the committed date: the longest lead time before it. */
	public LocalDate latestProductionStart() {
		int leadTime = this.lines.stream().mapToInt(OrderLine::leadTimeDays).max().orElse(0);
		return this.committedDeliveryDate.minusDays(leadTime);
	}

	private void raiseDrafted(String by, Instant now, String reason, List<Change> changes) {
		raiseAndRecord(new OrderDrafted(this.id, this.number, this.accountId, this.region, EventLine.of(this.lines), this.total,
				this.requestedDeliveryDate, this.deliverySite, by, now), by, now, reason, changes);
	}

	private void raiseAndRecord(OrderEvent event, String by, Instant at, String reason, List<Change> changes) {
		raise(event);
		this.history.add(new HistoryEntry(at, event.getClass().getSimpleName(), by, reason, this.status,
				List.copyOf(changes)));
	}

	private void requireApprovedDiscount(BigDecimal threshold) {
		BigDecimal max = maxDiscount();
		if (max.compareTo(threshold) > 0 && !discountApproved(max)) {
			String state = (this.discountRejection != null
					&& this.discountRejection.discountPercent().compareTo(max) == 0)
							? "; " + this.discountRejection.rejectedBy() + " rejected it: change the discount"
							: "; a sales manager must approve it first";
			throw new RuleViolationException("DISCOUNT_NEEDS_APPROVAL", "A discount of " + EventLine.percent(max)
					+ "% is above " + EventLine.percent(threshold) + "%" + state);
		}
	}

	private boolean discountApproved(BigDecimal max) {
		return this.approvedDiscountPercent != null && max.compareTo(this.approvedDiscountPercent) <= 0;
	}

	private BigDecimal maxDiscount() {
		return this.lines.stream().map(OrderLine::discountPercent).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
	}

	private static List<Department> departments(List<Change> changes) {
		Set<Department> departments = EnumSet.of(Department.SALES_ADMINISTRATION);
		for (Change change : changes) {
			Department department = change.department();
			departments.add(department);
			if (department == Department.LOGISTICS) {
				departments.add(Department.INSTALLATION);
			}
		}
		return List.copyOf(departments);
	}

	private static List<Change> lineChanges(List<OrderLine> before, List<OrderLine> after) {
		Map<String, OrderLine> old = bySku(before);
		Map<String, OrderLine> now = bySku(after);
		List<Change> changes = new ArrayList<>();
		Set<String> skus = new TreeSet<>(old.keySet());
		skus.addAll(now.keySet());
		for (String sku : skus) {
			OrderLine was = old.get(sku);
			OrderLine is = now.get(sku);
			String prefix = "lines[" + sku + "].";
			if (was == null || is == null || was.quantity() != is.quantity()) {
				changes.add(new Change(prefix + "quantity", (was != null) ? String.valueOf(was.quantity()) : null,
						(is != null) ? String.valueOf(is.quantity()) : null));
			}
			if (was == null || is == null) {
				continue;
			}
			Set<String> options = new TreeSet<>(was.options().keySet());
			options.addAll(is.options().keySet());
			for (String option : options) {
				if (!Objects.equals(was.options().get(option), is.options().get(option))) {
					changes.add(new Change(prefix + "options." + option, was.options().get(option),
							is.options().get(option)));
				}
			}
			if (was.discountPercent().compareTo(is.discountPercent()) != 0) {
				changes.add(new Change(prefix + "discountPercent", EventLine.percent(was.discountPercent()),
						EventLine.percent(is.discountPercent())));
			}
		}
		return changes;
	}

	private static Map<String, OrderLine> bySku(List<OrderLine> lines) {
		Map<String, OrderLine> bySku = new LinkedHashMap<>();
		lines.forEach((line) -> bySku.put(line.sku(), line));
		return bySku;
	}

	private static Money totalOf(List<OrderLine> lines) {
		Money total = Money.zero(lines.get(0).unitPrice().currency());
		for (OrderLine line : lines) {
			total = total.plus(line.lineTotal());
		}
		return total;
	}

	public String id() { return this.id; }
	public String number() { return this.number; }
	public String lastChangedBy() { return this.lastChangedBy; }
	public DiscountRequest pendingDiscount() { return this.pendingDiscount; }
	public DiscountRejection discountRejection() { return this.discountRejection; }
	public Long version() { return this.version; }
	public String accountId() { return this.accountId; }
	public String region() { return this.region; }
	public OrderStatus status() { return this.status; }
	public List<OrderLine> lines() { return List.copyOf(this.lines); }
	public Money total() { return this.total; }
	public LocalDate requestedDeliveryDate() { return this.requestedDeliveryDate; }
	public String deliverySite() { return this.deliverySite; }
	public LocalDate committedDeliveryDate() { return this.committedDeliveryDate; }
	public String draftedBy() { return this.draftedBy; }
	public Instant draftedAt() { return this.draftedAt; }
	public String placedBy() { return this.placedBy; }
	public Instant placedAt() { return this.placedAt; }
	public Instant updatedAt() { return this.updatedAt; }
	public String cancellationReason() { return this.cancellationReason; }
	public CancellationRequest cancellationRequest() { return this.cancellationRequest; }
	public String discountApprovedBy() { return this.discountApprovedBy; }
	public List<HistoryEntry> history() { return List.copyOf(this.history); }

}
