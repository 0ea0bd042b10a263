package com.chairside.notification.routing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;

/** Admins keep the routing rules: each is checked whole before it is stored. */
@Service
public class RuleManagement {

	private static final Logger log = LoggerFactory.getLogger(RuleManagement.class);

	private final RoutingRules rules;

	private final Clock clock;

	private final RuleCache cache;

	RuleManagement(RoutingRules rules, Clock clock, RuleCache cache) {
		this.rules = rules;
		this.cache = cache;
		this.clock = clock;
	}

	public List<RoutingRule> list() {
		return this.rules.findAll()
			.stream()
			.sorted(Comparator.comparing(RoutingRule::eventType).thenComparing(RoutingRule::id))
			.toList();
	}

	public RoutingRule get(String id) {
		return this.rules.findById(id).orElseThrow(() -> new NotFoundException("Notification rule", id));
	}

	public RoutingRule create(RuleRequest request, CurrentUser user) {
		RoutingRule rule = this.rules.insert(checked(UUID.randomUUID().toString(), request, user));
		this.cache.evict();
		log.info("{} added routing rule {} for {}", user.id(), rule.id(), rule.eventType());
		return rule;
	}

	public RoutingRule replace(String id, RuleRequest request, CurrentUser user) {
		get(id);
		RoutingRule rule = this.rules.save(checked(id, request, user));
		this.cache.evict();
		log.info("{} changed routing rule {} for {}", user.id(), id, rule.eventType());
		return rule;
	}

	public void delete(String id, CurrentUser user) {
		get(id);
		this.rules.deleteById(id);
		this.cache.evict();
		log.info("{} deleted routing rule {}", user.id(), id);
	}

	private RoutingRule checked(String id, RuleRequest request, CurrentUser user) {
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
				request.enabled() == null || request.enabled(), this.clock.instant(), user.id());
	}

}
