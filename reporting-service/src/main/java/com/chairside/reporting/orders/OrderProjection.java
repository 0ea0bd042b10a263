package com.chairside.reporting.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/** Order figures from {@code chairside.orders}: one document per order, from the draft to the delivery. */
@Component
class OrderProjection implements Projection {

	private static final Set<String> COUNTED = Set.of("OrderDrafted", "OrderPlaced", "OrderChanged", "OrderCancelled",
			"OrderConfirmed", "OrderStatusChanged", "DeliveryCommitmentAtRisk", "DeliveryCommitmentMissed",
			"DeliveryCommitmentChanged");

	/** The fields of order events the figures read (tolerant reader). */
	record OrderFacts(String region, String accountId, Money total, List<Line> lines, String requestedDeliveryDate,
			String committedDeliveryDate, String draftedBy, String draftedAt, String placedBy, String placedAt,
			String confirmedAt, String cancelledAt, String reason, String statusBefore, List<FieldChange> changes,
			String changedAt, String to, String status, String detectedAt, Integer daysLate, String after) {
	}

	record Money(BigDecimal amount, String currency) {
	}

	record Line(String productLine, Money lineTotal) {
	}

	record FieldChange(String field, String before, String after) {
	}

	@Override
	public String name() {
		return "orders";
	}

	@Override
	public String topic() {
		return "chairside.orders";
	}

	@Override
	public String collection() {
		return "order_figures";
	}

	@Override
	public Class<?> document() {
		return OrderFigures.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		if (!COUNTED.contains(event.name())) {
			return null; // discount approvals count in no figure
		}
		OrderFacts order = event.dataAs(OrderFacts.class, json);
		if (order.region() == null || order.total() == null || order.total().amount() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " lacks region or total");
		}
		String at = event.time().toString();
		Update update = new Update().set("region", order.region())
			.set("accountId", order.accountId())
			.set("total", order.total().amount().toPlainString())
			.set("currency", order.total().currency());
		if (order.lines() != null) {
			update.set("valueByProductLine", byProductLine(order.lines()));
		}
		if (order.requestedDeliveryDate() != null) {
			update.set("requestedDeliveryDate", order.requestedDeliveryDate());
		}
		if (order.committedDeliveryDate() != null) {
			update.set("committedDeliveryDate", order.committedDeliveryDate());
		}
		switch (event.name()) {
			case "OrderDrafted" -> update.set("status", "DRAFT").set("owner", order.draftedBy())
				.set("draftedAt", or(order.draftedAt(), at));
			case "OrderPlaced" -> update.set("status", "SUBMITTED").set("placed", true).set("cancelled", false)
				.set("owner", order.placedBy()).set("placedAt", or(order.placedAt(), at));
			case "OrderChanged" -> update.inc("changes", 1).push("changeLog", change(order, at));
			case "OrderCancelled" -> update.set("status", "CANCELLED").set("cancelled", true)
				.set("cancelledAt", or(order.cancelledAt(), at)).set("cancelReason", order.reason())
				.set("cancelledStatusBefore", order.statusBefore());
			case "OrderConfirmed" -> update.set("status", "CONFIRMED").set("confirmedAt", or(order.confirmedAt(), at));
			case "OrderStatusChanged" -> {
				update.set("status", order.to());
				if ("DELIVERED".equals(order.to())) {
					update.set("deliveredAt", or(order.changedAt(), at));
				}
			}
			case "DeliveryCommitmentAtRisk" -> update.set("atRiskReason", order.reason())
				.set("atRiskFor", order.committedDeliveryDate()).set("atRiskAt", or(order.detectedAt(), at));
			case "DeliveryCommitmentMissed" -> update.set("missed", true).set("missedFor", order.committedDeliveryDate())
				.set("daysLate", order.daysLate()).set("missedAt", or(order.detectedAt(), at))
				.set("missedStatus", order.status());
			default -> update.set("committedDeliveryDate", order.after()) // DeliveryCommitmentChanged
				.set("commitmentChangeReason", order.reason());
		}
		return new ProjectionWrite(event.subject(), update);
	}

	private static OrderFigures.Change change(OrderFacts order, String at) {
		FieldChange total = (order.changes() != null)
				? order.changes().stream().filter((c) -> "total".equals(c.field())).findFirst().orElse(null) : null;
		return new OrderFigures.Change(or(order.changedAt(), at), order.reason(),
				(total != null) ? total.before() : null, (total != null) ? total.after() : null);
	}

	private static Map<String, String> byProductLine(List<Line> lines) {
		Map<String, BigDecimal> sums = new TreeMap<>();
		for (Line line : lines) {
			if (line.productLine() != null && line.lineTotal() != null && line.lineTotal().amount() != null) {
				sums.merge(line.productLine(), line.lineTotal().amount(), BigDecimal::add);
			}
		}
		Map<String, String> values = new TreeMap<>();
		sums.forEach((productLine, sum) -> values.put(productLine, sum.toPlainString()));
		return values;
	}

	private static String or(String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

}
