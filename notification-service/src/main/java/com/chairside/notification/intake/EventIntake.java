package com.chairside.notification.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.chairside.notification.accounts.AccountDirectory;
import com.chairside.notification.notification.Notice;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.notification.routing.EventFacts;
import com.chairside.notification.routing.NotifiedEvents;
import com.chairside.notification.routing.Reach;
import com.chairside.notification.routing.Routing;
import com.chairside.notification.webhook.Webhooks;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event this service tells people of into its notifications (one per recipient the rules name) and its
 * webhook deliveries (one per subscription to its type). Both are keyed by the event's {@code ce_id}, so a
 * redelivery records nothing new. An event is {@linkplain #prepare prepared} (read and routed) apart from being
 * {@linkplain #record recorded}, so that a batch of events is recorded at once.
 */
@Component
class EventIntake {

	private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

	private final Routing routing;

	private final NotificationManagement notifications;

	private final Webhooks webhooks;

	private final Notices notices;

	private final AccountDirectory accounts;

	EventIntake(Routing routing, NotificationManagement notifications, Webhooks webhooks, Notices notices,
			AccountDirectory accounts) {
		this.notices = notices;
		this.accounts = accounts;
		this.routing = routing;
		this.notifications = notifications;
		this.webhooks = webhooks;
	}

	void accept(IncomingEvent event, JsonMapper json) {
		record(List.of(prepare(event, json)));
	}

	/**
	 * Who the event reaches, by the rules (read from their cache): nothing is written yet. An order event that names
	 * no order or region is a poison message.
	 */
	Intake prepare(IncomingEvent event, JsonMapper json) {
		if (!NotifiedEvents.NAMES.contains(event.name())) {
			return new Intake(event, null, null);
		}
		EventFacts facts = event.dataAs(EventFacts.class, json);
		if (event.type().startsWith("chairside.order.") && (facts.orderId() == null || facts.region() == null)) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " lacks orderId or region");
		}
		return new Intake(event, facts, this.routing.reach(event.name(), facts));
	}

	/**
	 * Records the notifications and webhook deliveries of the events prepared: the practices' names read with one
	 * query and the notifications of all of them written together, so a batch of events costs the store a few
	 * commands, not a few per event.
	 */
	void record(List<Intake> intakes) {
		List<Intake> notified = intakes.stream().filter(Intake::notified).toList();
		Map<String, String> practices = this.accounts.namesOf(notified.stream()
			.filter((intake) -> !intake.reach().nobody() && Notices.namesPractice(intake.facts()))
			.map((intake) -> Notices.accountOf(intake.facts()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		List<Notice> notices = new ArrayList<>(notified.size());
		for (Intake intake : notified) {
			if (!intake.reach().nobody()) {
				String practice = Notices.namesPractice(intake.facts())
						? practices.get(Notices.accountOf(intake.facts())) : null;
				notices.add(this.notices.of(intake.event(), intake.facts(), intake.reach(), practice));
			}
		}
		this.notifications.recordAll(notices);
		for (Intake intake : notified) {
			int deliveries = this.webhooks.enqueue(intake.event());
			log.debug("{} {} reaches {} and {} (rules {}), {} webhook deliveries", intake.event().name(),
					intake.event().id(), intake.reach().departments(), intake.reach().people(), intake.reach().rules(),
					deliveries);
		}
	}

	/** An event read, and whom it reaches; {@code facts} and {@code reach} are null for an event nobody is told of. */
	record Intake(IncomingEvent event, EventFacts facts, Reach reach) {

		boolean notified() {
			return this.reach != null;
		}

	}

}
