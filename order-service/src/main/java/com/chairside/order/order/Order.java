package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.order.catalog.Money;
import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.RuleViolationException;

/**
 * A sales order of an account. The order guards its lifecycle: a cancelled order changes no more, every change states
 * a reason and lists what it altered, so that the departments told of it know exactly what to do.
 */
@Document("orders")
public class Order extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	@Indexed
	private String accountId;

	@Indexed
	private String region;

	private OrderStatus status;

	private List<OrderLine> lines = new ArrayList<>();

	private Money total;

	private LocalDate requestedDeliveryDate;

	private String placedBy;

	private Instant placedAt;

	private Instant updatedAt;

	private String cancellationReason;

	protected Order() {
	}

	public static Order place(String accountId, String region, List<OrderLine> lines, LocalDate requestedDeliveryDate,
			String by, Instant now) {
		Order order = new Order();
		order.id = UUID.randomUUID().toString();
		order.accountId = accountId;
		order.region = region;
		order.status = OrderStatus.PLACED;
		order.lines = new ArrayList<>(lines);
		order.total = totalOf(lines);
		order.requestedDeliveryDate = requestedDeliveryDate;
		order.placedBy = by;
		order.placedAt = now;
		order.updatedAt = now;
		order.raise(new OrderPlaced(order.id, accountId, region, EventLine.of(lines), order.total,
				requestedDeliveryDate, by, now));
		return order;
	}

	/**
	 * Changes the lines (when given, they replace the lines) and the requested delivery date (when given). Returns what
	 * changed; a request that alters nothing raises nothing.
	 */
	public List<Change> change(String reason, List<OrderLine> newLines, LocalDate newDeliveryDate, String by,
			Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			throw new RuleViolationException("ORDER_CANCELLED", "Order " + this.id + " is cancelled and cannot change");
		}
		List<Change> changes = new ArrayList<>();
		if (newLines != null) {
			changes.addAll(lineChanges(this.lines, newLines));
		}
		if (newDeliveryDate != null && !newDeliveryDate.equals(this.requestedDeliveryDate)) {
			changes.add(new Change("requestedDeliveryDate", String.valueOf(this.requestedDeliveryDate),
					newDeliveryDate.toString()));
			this.requestedDeliveryDate = newDeliveryDate;
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
		}
		this.updatedAt = now;
		raise(new OrderChanged(this.id, this.accountId, this.region, reason, List.copyOf(changes),
				EventLine.of(this.lines), this.total, this.requestedDeliveryDate, by, now));
		return changes;
	}

	/** Cancels the order for a reason; cancelling a cancelled order changes nothing. */
	public void cancel(String reason, String by, Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			return;
		}
		this.status = OrderStatus.CANCELLED;
		this.cancellationReason = reason;
		this.updatedAt = now;
		raise(new OrderCancelled(this.id, this.accountId, this.region, reason, this.total, by, now));
	}

	private static List<Change> lineChanges(List<OrderLine> before, List<OrderLine> after) {
		Map<String, Integer> old = quantities(before);
		Map<String, Integer> now = quantities(after);
		List<Change> changes = new ArrayList<>();
		for (String sku : new TreeSet<>(union(old, now))) {
			Integer was = old.get(sku);
			Integer is = now.get(sku);
			if (!Objects.equals(was, is)) {
				changes.add(new Change("lines[" + sku + "].quantity", (was != null) ? was.toString() : null,
						(is != null) ? is.toString() : null));
			}
		}
		return changes;
	}

	private static List<String> union(Map<String, Integer> a, Map<String, Integer> b) {
		List<String> keys = new ArrayList<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}

	private static Map<String, Integer> quantities(List<OrderLine> lines) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		lines.forEach((line) -> quantities.put(line.sku(), line.quantity()));
		return quantities;
	}

	private static Money totalOf(List<OrderLine> lines) {
		Money total = Money.zero(lines.get(0).unitPrice().currency());
		for (OrderLine line : lines) {
			total = total.plus(line.lineTotal());
		}
		return total;
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String accountId() { return this.accountId; }
	public String region() { return this.region; }
	public OrderStatus status() { return this.status; }
	public List<OrderLine> lines() { return List.copyOf(this.lines); }
	public Money total() { return this.total; }
	public LocalDate requestedDeliveryDate() { return this.requestedDeliveryDate; }
	public String placedBy() { return this.placedBy; }
	public Instant placedAt() { return this.placedAt; }
	public Instant updatedAt() { return this.updatedAt; }
	public String cancellationReason() { return this.cancellationReason; }

}
