package com.chairside.notification.routing;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import com.chairside.notification.notification.Department;

/**
 * The rules the service ships with, reproducing what the departments were promised: sales administration,
 * production and logistics hear of every order change and the departments order-service names as touched of it
 * (an older change without that list: installation when the delivery date moves, finance when the value moves);
 * everyone hears of a cancellation; a placed order goes to sales administration, production, logistics and finance;
 * a lead's new owner hears of the assignment; sales administration and the account's owner of a delivery commitment
 * at risk or missed; both owners of a channel conflict. Approvals: the sales managers of the order's region hear of a
 * discount awaiting approval and of a late cancellation requested; the account manager who asked hears of the
 * decision (a discount approved or rejected, a cancellation rejected or carried out).
 * <p>
 * Seeded once per database and generation (a marker per generation, so a database seeded before the approvals gets
 * their rules once): each rule under a fixed id and then the marker, all inserts, so two replicas starting together
 * write each rule once, and a default rule an admin deleted stays deleted.
 */
@Component
class DefaultRules {

	private static final Logger log = LoggerFactory.getLogger(DefaultRules.class);

	static final String MARKER = "default-rules-v1";

	static final String APPROVALS_MARKER = "default-rules-v2-approvals";

	private static final List<Department> SALES_PRODUCTION_LOGISTICS = List.of(Department.SALES_ADMINISTRATION,
			Department.PRODUCTION, Department.LOGISTICS);

	private final MongoTemplate mongo;

	private final Clock clock;

	DefaultRules(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	void seed() {
		seed(MARKER, rules());
		seed(APPROVALS_MARKER, approvalRules());
	}

	private void seed(String marker, List<RoutingRule> rules) {
		if (this.mongo.findById(marker, Seeded.class) != null) {
			return;
		}
		int inserted = 0;
		for (RoutingRule rule : rules) {
			try {
				this.mongo.insert(rule);
				inserted++;
			}
			catch (DuplicateKeyException ex) {
				// another replica seeded it first
			}
		}
		try {
			this.mongo.insert(new Seeded(marker));
		}
		catch (DuplicateKeyException ex) {
			// another replica finished first
		}
		log.info("Default routing rules {} seeded ({} written here)", marker, inserted);
	}

	private List<RoutingRule> approvalRules() {
		RuleRecipients salesManagers = new RuleRecipients(null, false, false, false, null, true, false);
		RuleRecipients requester = new RuleRecipients(null, false, false, false, null, false, true);
		return List.of(
				rule("default-discount-approval-requested", "A discount awaiting the region's sales managers",
						"DiscountApprovalRequested", null, salesManagers),
				rule("default-cancellation-requested", "A late cancellation awaiting the region's sales managers",
						"OrderCancellationRequested", null, salesManagers),
				rule("default-discount-approved", "The requester of an approved discount", "DiscountApproved", null,
						requester),
				rule("default-discount-rejected", "The requester of a rejected discount", "DiscountRejected", null,
						requester),
				rule("default-cancellation-rejected", "The requester of a rejected cancellation",
						"OrderCancellationRejected", null, requester),
				rule("default-cancellation-approved", "The requester of an approved cancellation", "OrderCancelled",
						null, requester));
	}

	private List<RoutingRule> rules() {
		return List.of(
				rule("default-order-placed", "A placed order", "OrderPlaced", null,
						departments(Department.SALES_ADMINISTRATION, Department.PRODUCTION, Department.LOGISTICS,
								Department.FINANCE)),
				rule("default-order-changed", "Every order change, and the departments it touches", "OrderChanged", null,
						new RuleRecipients(SALES_PRODUCTION_LOGISTICS, true, false, false, null)),
				rule("default-order-changed-delivery-date", "An older change moving the delivery date", "OrderChanged",
						new RuleConditions(List.of("requestedDeliveryDate"), null, false, null, null, null),
						departments(Department.INSTALLATION)),
				rule("default-order-changed-value", "An older change moving the value", "OrderChanged",
						new RuleConditions(List.of("total"), null, false, null, null, null),
						departments(Department.FINANCE)),
				rule("default-order-cancelled", "A cancellation", "OrderCancelled", null,
						departments(Department.values())),
				rule("default-lead-assigned", "A lead's new owner", "LeadAssigned", null, owner(null)),
				rule("default-delivery-at-risk", "A delivery commitment at risk", "DeliveryCommitmentAtRisk", null,
						owner(Department.SALES_ADMINISTRATION)),
				rule("default-delivery-missed", "A delivery commitment missed", "DeliveryCommitmentMissed", null,
						owner(Department.SALES_ADMINISTRATION)),
				rule("default-channel-conflict", "Both owners of a channel conflict", "ChannelConflictDetected", null,
						owner(null)));
	}

	private RoutingRule rule(String id, String name, String eventType, RuleConditions conditions,
			RuleRecipients recipients) {
		return new RoutingRule(id, name, eventType, conditions, recipients, true, this.clock.instant(), "default");
	}

	private static RuleRecipients departments(Department... departments) {
		return new RuleRecipients(List.of(departments), false, false, false, null);
	}

	private static RuleRecipients owner(Department department) {
		return new RuleRecipients((department != null) ? List.of(department) : List.of(), false, true, false, null);
	}

	@Document("notification_rule_seeds")
	record Seeded(@Id String id) {
	}

}
