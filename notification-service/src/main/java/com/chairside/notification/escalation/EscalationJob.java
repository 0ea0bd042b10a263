package com.chairside.notification.escalation;

import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.notification.EscalationProperties;
import com.chairside.notification.notification.Notice;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationManagement;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Escalates to the region's sales manager each department notification (of an order change or cancellation) not
 * acknowledged by its deadline, once. Every replica runs the check; the escalation is claimed by one conditional
 * write (not acknowledged, not escalated, revision unchanged), so only one replica's claim succeeds, and only the
 * claimant tells the sales manager, whose notification is keyed by the escalated one's id besides.
 */
@Component
public class EscalationJob {

	private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

	private final NotificationManagement notifications;

	private final EscalationProperties properties;

	private final MeterRegistry meters;

	public EscalationJob(NotificationManagement notifications, EscalationProperties properties, MeterRegistry meters) {
		this.notifications = notifications;
		this.properties = properties;
		this.meters = meters;
	}

	/** Escalates what is overdue now; returns how many this call escalated. Run by the schedule, and by tests. */
	@Scheduled(fixedDelayString = "${chairside.notifications.escalation.check-interval:1m}",
			initialDelayString = "${chairside.notifications.escalation.initial-delay:10s}")
	public int escalateOverdue() {
		int escalated = 0;
		for (Notification overdue : this.notifications.overdue(500)) {
			String salesManager = this.properties.salesManagerOf(overdue.region());
			if (!this.notifications.markEscalated(overdue, salesManager)) {
				continue; // acknowledged meanwhile, or another replica escalated it
			}
			this.notifications.record(new Notice("escalation:" + overdue.id(), overdue.eventType(), overdue.orderId(),
					overdue.accountId(), overdue.region(), overdue.occurredAt(), subject(overdue), body(overdue),
					overdue.changes(), Set.of(), Set.of(salesManager), overdue.id()));
			this.meters.counter("chairside.notifications.escalated", "department", overdue.department().name())
				.increment();
			log.warn("{} did not acknowledge {} of order {} by {}: escalated to {}", overdue.department(),
					overdue.eventType(), overdue.orderId(), overdue.acknowledgeBy(), salesManager);
			escalated++;
		}
		return escalated;
	}

	private static String subject(Notification overdue) {
		return "Not acknowledged by " + overdue.department() + ": " + overdue.subject();
	}

	private static String body(Notification overdue) {
		return overdue.department() + " was told of this " + overdue.eventType() + " at " + overdue.createdAt()
				+ " and has not acknowledged it; it was due by "
				+ DateTimeFormatter.ISO_INSTANT.format(overdue.acknowledgeBy()) + ".\n\n" + overdue.body();
	}

}
