package com.chairside.notification.notification;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a department has to acknowledge a change or cancellation before the sales manager hears of it.
 *
 * @param eventTypes the events a department must acknowledge (by default order changes and cancellations)
 * @param defaultDeadline the deadline of a department and event type not named in {@code deadlines}
 * @param deadlines per department, per event type ({@code PRODUCTION: {OrderCancelled: 2h}})
 * @param salesManagers the sales manager (user id) of each region; {@code salesManager} for the others
 */
@ConfigurationProperties("chairside.notifications.escalation")
public record EscalationProperties(Set<String> eventTypes, Duration defaultDeadline,
		Map<Department, Map<String, Duration>> deadlines, String salesManager, Map<String, String> salesManagers) {

	public EscalationProperties {
		eventTypes = (eventTypes != null) ? eventTypes : Set.of("OrderChanged", "OrderCancelled");
		defaultDeadline = (defaultDeadline != null) ? defaultDeadline : Duration.ofHours(24);
		deadlines = (deadlines != null) ? deadlines : Map.of();
		salesManager = (salesManager != null) ? salesManager : "sales-manager";
		salesManagers = (salesManagers != null) ? salesManagers : Map.of();
	}

	/** The deadline of a department's notification of {@code eventType}, or {@code null} when none is due. */
	public Duration deadlineFor(Department department, String eventType) {
		if (department == null || !this.eventTypes.contains(eventType)) {
			return null;
		}
		return this.deadlines.getOrDefault(department, Map.of()).getOrDefault(eventType, this.defaultDeadline);
	}

	/** The shortest deadline configured: no notification recorded now is due sooner. */
	public Duration shortestDeadline() {
		return this.deadlines.values()
			.stream()
			.flatMap((byEventType) -> byEventType.values().stream())
			.reduce(this.defaultDeadline, (a, b) -> (a.compareTo(b) <= 0) ? a : b);
	}

	public String salesManagerOf(String region) {
		return (region != null) ? this.salesManagers.getOrDefault(region, this.salesManager) : this.salesManager;
	}

}
