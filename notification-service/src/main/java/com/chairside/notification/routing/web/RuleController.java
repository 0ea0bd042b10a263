package com.chairside.notification.routing.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.notification.notification.Department;
import com.chairside.notification.routing.EventFacts;
import com.chairside.notification.routing.NotifiedEvents;
import com.chairside.notification.routing.Reach;
import com.chairside.notification.routing.Routing;
import com.chairside.notification.routing.RoutingRule;
import com.chairside.notification.routing.RuleManagement;
import com.chairside.notification.routing.RuleRequest;
import com.chairside.notification.webhook.Webhooks;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/notification-rules}: the routing rules (CRUD, admins), and
 * {@code POST /api/notification-rules/dry-run} with a CloudEvent ({@code {"type":"chairside.order.OrderCancelled.v1",
 * "data":{...}}}) answering who it would reach, by the rules stored now, without telling anyone.
 */
@RestController
@RequestMapping("/api/notification-rules")
class RuleController {

	private final RuleManagement rules;

	private final Routing routing;

	private final Webhooks webhooks;

	private final JsonMapper json;

	RuleController(RuleManagement rules, Routing routing, Webhooks webhooks, JsonMapper json) {
		this.rules = rules;
		this.routing = routing;
		this.webhooks = webhooks;
		this.json = json;
	}

	@GetMapping
	List<RoutingRule> list() {
		return this.rules.list();
	}

	@GetMapping("/{id}")
	RoutingRule get(@PathVariable String id) {
		return this.rules.get(id);
	}

	@PostMapping
	ResponseEntity<RoutingRule> create(@RequestBody RuleRequest request) {
		RoutingRule rule = this.rules.create(request, CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/notification-rules/" + rule.id())).body(rule);
	}

	@PutMapping("/{id}")
	RoutingRule replace(@PathVariable String id, @RequestBody RuleRequest request) {
		return this.rules.replace(id, request, CurrentUser.get());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.rules.delete(id, CurrentUser.get());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/dry-run")
	DryRun dryRun(@RequestBody DryRunRequest request) {
		String name = NotifiedEvents.nameOf(request.type());
		if (name == null || !NotifiedEvents.NAMES.contains(name)) {
			throw new InvalidFieldException("type", "must be one of " + NotifiedEvents.NAMES);
		}
		if (request.data() == null || !request.data().isObject()) {
			throw new InvalidFieldException("data", "must be the event's payload, a JSON object");
		}
		IncomingEvent event = new IncomingEvent(UUID.randomUUID().toString(), request.type(), "dry-run", 0,
				Instant.now(), null, null, request.data());
		EventFacts facts;
		try {
			facts = event.dataAs(EventFacts.class, this.json);
		}
		catch (RuntimeException ex) {
			throw new InvalidFieldException("data", "does not fit a " + name + ": " + ex.getMessage());
		}
		Reach reach = this.routing.reach(name, facts);
		return new DryRun(name, reach.departments(), reach.people(), reach.rules(), this.webhooks.subscribersOf(name));
	}

	/** A CloudEvent in structured mode; only {@code type} and {@code data} are read. */
	record DryRunRequest(String type, String id, String subject, JsonNode data) {
	}

	/** Who the event would reach: departments, people, by which rules, and which webhook subscriptions. */
	record DryRun(String eventType, Set<Department> departments, Set<String> people, List<String> rules,
			List<String> webhookSubscriptions) {
	}

}
