package com.chairside.notification.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The routing rules as the event path reads them: all rules, loaded with one query and kept for {@code ttl}, instead
 * of one query per event. This replica's own rule writes evict it at once; another replica's writes are seen here
 * within {@code ttl} (the staleness bound, {@code chairside.notifications.routing.rules-cache-ttl}, default 5s).
 */
@Component
class RuleCache {

	private final RoutingRules rules;

	private final Clock clock;

	private final Duration ttl;

	private final Counter loads;

	private volatile Snapshot snapshot;

	RuleCache(RoutingRules rules, Clock clock, RoutingProperties settings, MeterRegistry meters) {
		this.rules = rules;
		this.clock = clock;
		this.ttl = settings.rulesCacheTtl();
		this.loads = meters.counter("chairside.notifications.rules.loads");
	}

	/** The rules of {@code eventName}, ordered by id. */
	List<RoutingRule> of(String eventName) {
		Instant now = this.clock.instant();
		Snapshot current = this.snapshot;
		// A clock set back (tests) counts as expired, so a snapshot never outlives its ttl.
		if (current == null || now.isBefore(current.loadedAt()) || !now.isBefore(current.loadedAt().plus(this.ttl))) {
			current = load(now);
		}
		return current.byEventType().getOrDefault(eventName, List.of());
	}

	/** Forgets the rules, after this replica changed one: the next event reads them afresh. */
	void evict() {
		this.snapshot = null;
	}

	private Snapshot load(Instant now) {
		Map<String, List<RoutingRule>> byEventType = this.rules.findAll()
			.stream()
			.filter((rule) -> rule.eventType() != null)
			.sorted(Comparator.comparing(RoutingRule::id))
			.collect(Collectors.groupingBy(RoutingRule::eventType, Collectors.toUnmodifiableList()));
		Snapshot loaded = new Snapshot(now, byEventType);
		this.snapshot = loaded;
		this.loads.increment();
		return loaded;
	}

	private record Snapshot(Instant loadedAt, Map<String, List<RoutingRule>> byEventType) {
	}

}
