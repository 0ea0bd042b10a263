package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.order.catalog.Money;

/**
 * Carries the list of what changed, before and after, the departments the change touches, whether production had
 * started, and the order as it now stands.
 */
public record OrderChanged(String orderId, String orderNumber, String accountId, String region, String reason, List<Change> changes,
		List<EventLine> lines, Money total, LocalDate requestedDeliveryDate, String changedBy, Instant changedAt,
		List<Department> departments, boolean affectsProduction, String deliverySite, long basedOnVersion)
		implements OrderEvent {
}
