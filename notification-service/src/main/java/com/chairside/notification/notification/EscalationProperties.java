package com.chairside.notification.notification;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a department has to acknowledge a change or cancellation before the sales manager hears of it.
 *
 * @param eventTypes the events a department must acknowledge (by default order changes and cancellations)
 * @param defaultDeadline the deadline of a department and event type not named in {@code deadlines}
 * @param deadlines per department, per event type ({@code PRODUCTION: {OrderCancelled: 2h}})
 * @param salesManager the sales manager (user id) of a region not named in {@code salesManagers}
 * @param salesManagers the sales manager (user id) of each region; {@code salesManager} for the others
 * @param checkInterval how often one replica looks for overdue acknowledgements
 * @param initialDelay how long after start it first looks
 */
@ConfigurationProperties("chairside.notifications.escalation")
public record EscalationProperties(@DefaultValue({ "OrderChanged", "OrderCancelled" }) Set<String> eventTypes,
		@DefaultValue("24h") Duration defaultDeadline, Map<Department, Map<String, Duration>> deadlines,
		@DefaultValue("sales-manager") String salesManager, Map<String, String> salesManagers,
		@DefaultValue("1m") Duration checkInterval, @DefaultValue("10s") Duration initialDelay) {

	public EscalationProperties {
		deadlines = (deadlines != null) ? deadlines : Map.of();
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
