package com.chairside.notification.routing;

/** A routing rule as an admin writes it; {@code enabled} defaults to true. */
public record RuleRequest(String name, String eventType, RuleConditions conditions, RuleRecipients recipients,
		Boolean enabled) {
}
