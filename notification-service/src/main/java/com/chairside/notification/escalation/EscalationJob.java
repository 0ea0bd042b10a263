package com.chairside.notification.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.notification.Channel;
import com.chairside.notification.notification.EscalationProperties;
import com.chairside.notification.notification.Notice;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.notification.notification.NotificationManagement.Deadline;
import com.chairside.notification.texts.Texts;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Escalates to the region's sales manager each department notification (of an order change or cancellation) not
 * acknowledged by its deadline, once. The scheduled check runs on one replica per interval (the {@code escalation}
 * scheduler lock). Two checks that meet (a run outlasting the interval) escalate nothing twice: the escalation is
 * claimed by one conditional write (not acknowledged, not escalated, revision unchanged), so only one claim succeeds,
 * and only the claimant tells the sales manager, whose notification is keyed by the escalated one's id besides.
 * <p>
 * Finding what is due means a query across {@code notifications}, a collection that only grows, so the job does not
 * ask every check: it reads the deadlines falling before a horizon (the shortest configured deadline, at most an hour ahead)
 * once, keeps them, and asks again when the horizon is reached. No notification recorded meanwhile can fall due
 * before it, since none has a shorter deadline. Each check reads only the notifications now due, by id.
 */
@Component
public class EscalationJob {

	private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

	private static final Duration LONGEST_LOOKAHEAD = Duration.ofHours(1);

	private static final int BATCH = 500;

	private static final String INTERVAL = "${chairside.notifications.escalation.check-interval:1m}";

	private final NotificationManagement notifications;

	private final EscalationProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Texts texts;

	private final Duration lookahead;

	/** The deadlines read up to {@link #horizon}, soonest first; only the job's thread touches them. */
	private final Deque<Deadline> watched = new ArrayDeque<>();

	private Instant readAt;

	private Instant horizon;

	public EscalationJob(NotificationManagement notifications, EscalationProperties properties, MeterRegistry meters,
			Clock clock, Texts texts) {
		this.texts = texts;
		this.notifications = notifications;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
		Duration shortest = properties.shortestDeadline();
		this.lookahead = (shortest.compareTo(LONGEST_LOOKAHEAD) < 0) ? shortest : LONGEST_LOOKAHEAD;
	}

	/** The scheduled check, on one replica per interval. */
	@Scheduled(fixedDelayString = INTERVAL,
			initialDelayString = "${chairside.notifications.escalation.initial-delay:10s}")
	@SchedulerLock(name = "escalation", lockAtLeastFor = INTERVAL, lockAtMostFor = INTERVAL)
	public void escalateOnSchedule() {
		escalateOverdue();
	}

	/** Escalates what is overdue now; returns how many this call escalated. Run by the schedule, and by tests. */
	public synchronized int escalateOverdue() {
		Instant now = this.clock.instant();
		// A clock set back (tests) reads again too, so nothing is judged by deadlines read for another time.
		if (this.horizon == null || !now.isBefore(this.horizon) || now.isBefore(this.readAt)) {
			this.watched.clear();
			this.watched.addAll(this.notifications.deadlinesUpTo(now.plus(this.lookahead))
				.stream()
				.sorted(Comparator.comparing(Deadline::acknowledgeBy))
				.toList());
			this.readAt = now;
			this.horizon = now.plus(this.lookahead);
			this.meters.counter("chairside.notifications.escalation.reads").increment();
			log.debug("{} deadlines up to {} kept", this.watched.size(), this.horizon);
		}
		int escalated = 0;
		List<String> due;
		while (!(due = due(now)).isEmpty()) {
			for (Notification overdue : this.notifications.overdue(due)) {
				if (escalate(overdue)) {
					escalated++;
				}
			}
			due.forEach((id) -> this.watched.pollFirst());
		}
		return escalated;
	}

	/** The next ids due at {@code now}, at most a batch, still watched. */
	private List<String> due(Instant now) {
		return this.watched.stream()
			.takeWhile((deadline) -> !deadline.acknowledgeBy().isAfter(now))
			.limit(BATCH)
			.map(Deadline::id)
			.toList();
	}

	private boolean escalate(Notification overdue) {
		String salesManager = this.properties.salesManagerOf(overdue.region());
		if (!this.notifications.markEscalated(overdue, salesManager)) {
			return false; // acknowledged meanwhile, or another replica escalated it
		}
		Map<String, Object> model = Map.of("department", overdue.department().name(), "eventType",
				overdue.eventType(), "createdAt", String.valueOf(overdue.createdAt()), "acknowledgeBy",
				DateTimeFormatter.ISO_INSTANT.format(overdue.acknowledgeBy()), "subject", overdue.subject(), "body",
				(overdue.body() != null) ? overdue.body() : "");
		this.notifications.record(new Notice("escalation:" + overdue.id(), overdue.eventType(), overdue.orderId(),
				overdue.orderNumber(), overdue.practice(), overdue.accountId(), overdue.region(), overdue.occurredAt(),
				this.texts.subject("subjects/escalation", model), this.texts.text("escalation-body", model),
				overdue.changes(), Set.of(), Set.of(salesManager), overdue.id(), Channel.EMAIL));
		this.meters.counter("chairside.notifications.escalated", "department", overdue.department().name())
			.increment();
		log.warn("{} did not acknowledge {} of order {} by {}: escalated to {}", overdue.department(),
				overdue.eventType(), overdue.orderId(), overdue.acknowledgeBy(), salesManager);
		return true;
	}

}
