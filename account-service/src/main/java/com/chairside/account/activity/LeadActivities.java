package com.chairside.account.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The activities account managers log on leads in lead-service, learnt from {@code LeadActivityLogged}: they count
 * among the overdue next steps of the lead's owner at once, and join the account's timeline when the lead is
 * converted. Each lead's activity ids are kept in one document ({@code lead_activities}, by lead id), so that the
 * conversion, a reassignment or a merge touches them by {@code _id}, never by a scan of {@code activities}. Every
 * step is idempotent: a redelivered event changes nothing.
 */
@Service
public class LeadActivities {

	private static final Logger log = LoggerFactory.getLogger(LeadActivities.class);

	private final MongoTemplate mongo;

	LeadActivities(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Keeps an activity logged on a lead (once); if the lead was converted already, it is on the account at once. */
	public void learn(LoggedOnLead logged) {
		LeadTimeline lead = this.mongo.findById(logged.leadId(), LeadTimeline.class);
		String accountId = (lead != null) ? lead.accountId() : null;
		Activity activity = new Activity(logged.activityId(), accountId, logged.region(), logged.type(),
				logged.direction(), logged.occurredAt(), (logged.participants() != null) ? logged.participants() : List.of(),
				logged.summary(), logged.outcome(),
				(logged.nextStepAction() != null) ? new Activity.NextStep(logged.nextStepAction(), logged.nextStepDue(), false)
						: null,
				logged.owner(), logged.loggedBy(), logged.loggedAt(), logged.leadId());
		try {
			this.mongo.insert(activity);
		}
		catch (DuplicateKeyException ex) {
			log.debug("Activity {} of lead {} is known already", logged.activityId(), logged.leadId());
		}
		upsert(logged.leadId(), new Update().addToSet("activityIds", logged.activityId()));
	}

	/** The lead became (or joined) the account: its activities are on the account's timeline from now on. */
	public void converted(String leadId, String accountId) {
		upsert(leadId, new Update().set("accountId", accountId));
		forEach(leadId, Update.update("accountId", accountId), (a) -> true);
	}

	/** The lead changed hands: its open next steps are owed by the new owner. */
	public void reassigned(String leadId, String owner) {
		forEach(leadId, Update.update("assignee", owner), (a) -> a.nextStep() != null && !a.nextStep().done());
	}

	/** A duplicate lead was merged into {@code survivorId}: its activities are the survivor's from now on. */
	public void merged(String survivorId, String duplicateId) {
		LeadTimeline duplicate = this.mongo.findById(duplicateId, LeadTimeline.class);
		if (duplicate == null || duplicate.activityIds() == null || duplicate.activityIds().isEmpty()) {
			return;
		}
		upsert(survivorId, new Update().addToSet("activityIds").each(duplicate.activityIds().toArray()));
		forEach(duplicateId, Update.update("leadId", survivorId), (a) -> true);
	}

	/**
	 * Applies {@code update} to each of the lead's activities that {@code applies}, read and written by {@code _id}
	 * alone, never by a query on {@code leadId} across every activity.
	 */
	private void forEach(String leadId, Update update, Predicate<Activity> applies) {
		LeadTimeline lead = this.mongo.findById(leadId, LeadTimeline.class);
		if (lead == null || lead.activityIds() == null) {
			return;
		}
		for (String activityId : lead.activityIds()) {
			Activity activity = this.mongo.findById(activityId, Activity.class);
			if (activity != null && applies.test(activity)) {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(activityId)), update, Activity.class);
			}
		}
	}

	/** An upsert by {@code _id} alone; of two first writes at once, the one that collides writes again. */
	private void upsert(String leadId, Update update) {
		Query byId = Query.query(Criteria.where("_id").is(leadId));
		try {
			this.mongo.upsert(byId, update, LeadTimeline.class);
		}
		catch (DuplicateKeyException ex) {
			this.mongo.upsert(byId, update, LeadTimeline.class);
		}
	}

	/** What account-service needs of a {@code LeadActivityLogged}. */
	public record LoggedOnLead(String leadId, String region, String owner, String activityId, ActivityType type,
			Direction direction, Instant occurredAt, List<String> participants, String summary, String outcome,
			String nextStepAction, LocalDate nextStepDue, String loggedBy, Instant loggedAt) {
	}

	/** The activities logged on one lead, and the account it became (null until converted). */
	@Document("lead_activities")
	record LeadTimeline(@Id String leadId, List<String> activityIds, String accountId) {
	}

}
