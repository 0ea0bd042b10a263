package com.chairside.reporting.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chairside.reporting.orders.OrderFigures;

/**
 * Delivery performance: of the orders delivered in the period, how many on or before their committed date; the
 * orders at risk now (a risk the order has not moved past: production not started while still confirmed, not shipped
 * while still in production); the commitments missed in the period, with their reason.
 */
final class DeliverySection {

	private DeliverySection() {
	}

	static Map<String, Object> of(List<OrderFigures> orders, Period period) {
		long delivered = 0;
		long onTime = 0;
		List<Map<String, Object>> atRisk = new ArrayList<>();
		List<Map<String, Object>> misses = new ArrayList<>();
		for (OrderFigures order : orders) {
			if (period.contains(order.deliveredAt())) {
				delivered++;
				LocalDate committed = Period.day(order.committedDeliveryDate());
				if (committed != null && !Period.day(order.deliveredAt()).isAfter(committed) && !order.wasMissed()) {
					onTime++;
				}
			}
			if (atRiskNow(order)) {
				atRisk.add(Figures.fields("orderId", order.orderId(), "committedDeliveryDate", order.committedDeliveryDate(),
						"reason", order.atRiskReason(), "status", order.status(), "since", order.atRiskAt(), "value",
						Figures.cents(Figures.money(order.total()))));
			}
			if (order.wasMissed() && period.contains(order.missedAt())) {
				misses.add(Figures.fields("orderId", order.orderId(), "committedDeliveryDate", order.missedFor(),
						"daysLate", order.daysLate(), "reason", missReason(order), "statusAtMiss", order.missedStatus(),
						"rescheduledBecause", order.commitmentChangeReason()));
			}
		}
		return Figures.fields("delivered", delivered, "onTime", onTime, "late", delivered - onTime, "onTimeRate",
				Figures.percent(onTime, delivered), "atRiskNowCount", atRisk.size(), "atRiskNow", atRisk, "missedCount",
				misses.size(), "misses", misses);
	}

	private static boolean atRiskNow(OrderFigures order) {
		if (order.atRiskReason() == null || order.wasCancelled() || order.wasMissed()
				|| (order.atRiskFor() != null && !order.atRiskFor().equals(order.committedDeliveryDate()))) {
			return false;
		}
		return switch (order.atRiskReason()) {
			case "PRODUCTION_NOT_STARTED" -> "CONFIRMED".equals(order.status()) || "SUBMITTED".equals(order.status());
			case "NOT_SHIPPED" -> "IN_PRODUCTION".equals(order.status());
			default -> order.deliveredAt() == null;
		};
	}

	/** The risk announced for the same date explains the miss; otherwise the order was simply not delivered by then. */
	private static String missReason(OrderFigures order) {
		if (order.atRiskReason() != null && order.atRiskFor() != null && order.atRiskFor().equals(order.missedFor())) {
			return order.atRiskReason();
		}
		return "NOT_DELIVERED_BY_DATE";
	}

}
