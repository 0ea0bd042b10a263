package com.chairside.system;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The departments every event of a type must reach, by event type ({@code OrderChanged}), from the routing rules as
 * notification-service answers them (GET /api/notification-rules): those named by the enabled rules without
 * conditions. Rules with conditions, and the departments an event names as touched, depend on the event; they are
 * not counted here. Taken from the rules, not from what was notified, a department left out of every event of a type
 * is noticed.
 */
final class RoutedDepartments {

	private RoutedDepartments() {
	}

	static Map<String, Set<String>> byEventType(Suite suite) {
		Api.Response rules = suite.gateway(suite.token("admin", "ADMIN", null, null)).get("/api/notification-rules");
		assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
		Map<String, Set<String>> routed = new HashMap<>();
		for (JsonNode rule : rules.json()) {
			if (rule.path("enabled").asBoolean() && unconditional(rule.path("conditions"))) {
				Set<String> departments = routed.computeIfAbsent(rule.path("eventType").asString(), (k) -> new HashSet<>());
				rule.path("recipients").path("departments").forEach((d) -> departments.add(d.asString()));
			}
		}
		assertThat(routed.getOrDefault("OrderPlaced", Set.of())).as("departments the rules route OrderPlaced to")
			.isNotEmpty();
		return routed;
	}

	/** No condition set: every field absent, null, false or empty. */
	private static boolean unconditional(JsonNode conditions) {
		return !conditions.isObject() || conditions.properties().stream().map(Map.Entry::getValue)
			.allMatch((c) -> c.isNull() || (c.isBoolean() && !c.asBoolean()) || (c.isContainer() && c.isEmpty()));
	}

	/** {@code OrderChanged} of the CloudEvent type {@code com.chairside.order.OrderChanged.v1}. */
	static String eventType(String ceType) {
		String[] parts = ceType.split("\\.");
		return (parts.length >= 2) ? parts[parts.length - 2] : ceType;
	}

}
