package com.chairside.notification.routing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

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

	boolean matches(EventFacts facts) {
		return this.enabled && this.conditions.metBy(facts);
	}

}
