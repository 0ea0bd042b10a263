package com.chairside.notification.routing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.web.InvalidFieldException;

/**
 * A routing rule: when an event of {@code eventType} meets every condition given, the recipients are told. An event
 * reaches the union of the recipients of every enabled rule it meets.
 */
@Document("notification_rules")
public record RoutingRule(@Id String id, String name, @Indexed String eventType, RuleConditions conditions,
		RuleRecipients recipients, boolean enabled, Instant updatedAt, String updatedBy) {

	public RoutingRule {
		conditions = (conditions != null) ? conditions : RuleConditions.NONE;
	}

	/**
	 * The rule an admin asked for, checked whole: a name, an event this service notifies of (by its name or its full
	 * type, {@code chairside.order.OrderChanged.v1}), at least one recipient, user ids as people, and a minimum order
	 * value with an amount and an ISO 4217 currency. Enabled unless the request says otherwise.
	 */
	static RoutingRule of(String id, RuleRequest request, String by, Instant now) {
		if (request.name() == null || request.name().isBlank()) {
			throw new InvalidFieldException("name", "is required");
		}
		String eventType = NotifiedEvents.nameOf(request.eventType());
		if (eventType == null || !NotifiedEvents.NAMES.contains(eventType)) {
			throw new InvalidFieldException("eventType", "must be one of " + NotifiedEvents.NAMES);
		}
		if (request.recipients() == null || request.recipients().nobody()) {
			throw new InvalidFieldException("recipients", "must name at least one recipient");
		}
		if (request.recipients().people().stream().anyMatch((p) -> p == null || p.isBlank())) {
			throw new InvalidFieldException("recipients.people", "must be user ids");
		}
		RuleConditions conditions = request.conditions();
		if (conditions != null && conditions.minOrderValue() != null && (conditions.minOrderValue().amount() == null
				|| conditions.minOrderValue().currency() == null
				|| !conditions.minOrderValue().currency().matches("[A-Z]{3}"))) {
			throw new InvalidFieldException("conditions.minOrderValue", "needs an amount and an ISO 4217 currency");
		}
		return new RoutingRule(id, request.name().strip(), eventType, conditions, request.recipients(),
				request.enabled() == null || request.enabled(), now, by);
	}

	boolean matches(EventFacts facts) {
		return this.enabled && this.conditions.metBy(facts);
	}

}
