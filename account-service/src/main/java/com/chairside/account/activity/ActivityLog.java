package com.chairside.account.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountManagement;
import com.chairside.account.account.ActivityLogged;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

/** Logging activities, the timeline of an account and the overdue next steps of an account manager. */
@Service
public class ActivityLog {

	private final Activities activities;

	private final AccountManagement accounts;

	private final MongoTemplate mongo;

	private final Clock clock;

	ActivityLog(Activities activities, AccountManagement accounts, MongoTemplate mongo, Clock clock) {
		this.activities = activities;
		this.accounts = accounts;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Logs an activity: the account records it (and raises {@code ActivityLogged} through its outbox; a dormant
	 * customer is a customer again), then the timeline entry is written under the same id.
	 */
	public Activity log(String accountId, NewActivity activity, CurrentUser user) {
		String id = UUID.randomUUID().toString();
		Account account = this.accounts.find(accountId, user);
		List<String> participants = (activity.participants() != null) ? List.copyOf(activity.participants()) : List.of();
		account = this.accounts.logActivity(accountId, new ActivityLogged(accountId, account.region(), id,
				activity.type().name(), (activity.direction() != null) ? activity.direction().name() : null,
				activity.occurredAt(), activity.nextStepDue(), user.id()), user);
		return this.activities.insert(new Activity(id, accountId, account.region(), activity.type(),
				activity.direction(), activity.occurredAt(), participants, activity.summary(), activity.outcome(),
				(activity.nextStepAction() != null)
						? new Activity.NextStep(activity.nextStepAction(), activity.nextStepDue(), false) : null,
				account.owner(),
				user.id(), this.clock.instant(), null));
	}

	/** The account's activities, newest first. */
	public Page<Activity> timeline(String accountId, CurrentUser user, int page, int size) {
		this.accounts.find(accountId, user);
		return this.activities.findByAccountId(accountId,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("loggedAt"))));
	}

	/** Open next steps of {@code assignee} due before today (UTC, by the service clock), oldest due first. */
	public List<Activity> overdue(String assignee, CurrentUser user) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Criteria criteria = Criteria.where("assignee").is(assignee).and("nextStep.done").is(false).and("nextStep.due").lt(today);
		if (!user.seesAllRegions()) {
			criteria = criteria.and("region").is(user.region());
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("nextStep.due")), Activity.class);
	}

	/** Marks an activity's next step done, so it is no longer overdue. */
	public Activity completeNextStep(String activityId, CurrentUser user) {
		Activity activity = this.activities.findById(activityId)
			.filter((a) -> user.canSee(a.region()))
			.orElseThrow(() -> new NotFoundException("Activity", activityId));
		if (activity.nextStep() == null) {
			throw new NotFoundException("Next step of activity", activityId);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(activityId)), Update.update("nextStep.done", true),
				Activity.class);
		return this.activities.findById(activityId).orElseThrow();
	}

	/** Open next steps follow the account to its new owner. */
	public void handOver(String accountId, String newOwner) {
		this.mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("nextStep.done").is(false)),
				Update.update("assignee", newOwner), Activity.class);
	}

}
