package com.chairside.notification.routing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.chairside.platform.security.CurrentUser;
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
		return RoutingRule.of(id, request, user.id(), this.clock.instant());
	}

}
