package com.chairside.notification.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

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
 * redelivery records nothing new.
 */
@Component
class EventIntake {

	private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

	private final Routing routing;

	private final NotificationManagement notifications;

	private final Webhooks webhooks;

	private final Notices notices;

	EventIntake(Routing routing, NotificationManagement notifications, Webhooks webhooks, Notices notices) {
		this.notices = notices;
		this.routing = routing;
		this.notifications = notifications;
		this.webhooks = webhooks;
	}

	void accept(IncomingEvent event, JsonMapper json) {
		if (!NotifiedEvents.NAMES.contains(event.name())) {
			return;
		}
		EventFacts facts = event.dataAs(EventFacts.class, json);
		if (event.type().startsWith("chairside.order.") && (facts.orderId() == null || facts.region() == null)) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " lacks orderId or region");
		}
		Reach reach = this.routing.reach(event.name(), facts);
		if (!reach.nobody()) {
			this.notifications.record(this.notices.of(event, facts, reach));
		}
		int deliveries = this.webhooks.enqueue(event);
		log.debug("{} {} reaches {} and {} (rules {}), {} webhook deliveries", event.name(), event.id(),
				reach.departments(), reach.people(), reach.rules(), deliveries);
	}

}
