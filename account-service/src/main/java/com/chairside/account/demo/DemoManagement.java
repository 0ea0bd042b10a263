package com.chairside.account.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountManagement;
import com.chairside.account.activity.ActivityLog;
import com.chairside.account.activity.ActivityType;
import com.chairside.account.activity.Direction;
import com.chairside.account.activity.NewActivity;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.ConflictException;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;

/** Scheduling demos on demo units that cannot be double-booked, and completing them with an outcome. */
@Service
public class DemoManagement {

	private static final Logger log = LoggerFactory.getLogger(DemoManagement.class);

	private final Demos demos;

	private final DemoUnitCalendar calendar;

	private final AccountManagement accounts;

	private final ActivityLog activities;

	private final EventFactory events;

	private final MongoTemplate mongo;

	private final Clock clock;

	DemoManagement(Demos demos, DemoUnitCalendar calendar, AccountManagement accounts, ActivityLog activities,
			EventFactory events, MongoTemplate mongo, Clock clock) {
		this.demos = demos;
		this.calendar = calendar;
		this.accounts = accounts;
		this.activities = activities;
		this.events = events;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Books the unit first (409 when another demo holds it then), then saves the demo with its event. */
	public Demo schedule(String accountId, String demoUnit, List<String> products, Instant start, Instant end,
			CurrentUser user) {
		if (!end.isAfter(start)) {
			throw new InvalidFieldException("end", "must be after start");
		}
		Account account = this.accounts.find(accountId, user);
		String id = UUID.randomUUID().toString();
		if (!this.calendar.book(demoUnit, id, start, end)) {
			throw new ConflictException("demo-unit-booked",
					"Demo unit " + demoUnit + " is already booked between " + start + " and " + end);
		}
		try {
			Demo demo = Demo.schedule(id, accountId, account.region(), demoUnit, products, start, end, user.id(),
					this.clock.instant());
			demo.stageEvents("demo", id, this.events);
			Demo saved = this.demos.insert(demo);
			log.info("Demo {} of unit {} scheduled for account {}", id, demoUnit, accountId);
			return saved;
		}
		catch (RuntimeException ex) {
			this.calendar.release(demoUnit, id);
			throw ex;
		}
	}

	public Demo find(String id, CurrentUser user) {
		return this.demos.findById(id)
			.filter((d) -> user.canSee(d.region()))
			.orElseThrow(() -> new NotFoundException("Demo", id));
	}

	/** The demos the user may see of an account and/or a demo unit, by start time. */
	public List<Demo> list(String accountId, String demoUnit, CurrentUser user) {
		Query query = new Query().with(Sort.by("start"));
		if (accountId != null) {
			query.addCriteria(Criteria.where("accountId").is(accountId));
		}
		if (demoUnit != null) {
			query.addCriteria(Criteria.where("demoUnit").is(demoUnit));
		}
		if (!user.seesAllRegions()) {
			query.addCriteria(Criteria.where("region").is(user.region()));
		}
		return this.mongo.find(query, Demo.class);
	}

	/** Completes the demo with its outcome; it goes on the account's timeline as a DEMO activity. */
	public Demo complete(String id, DemoOutcome outcome, String notes, CurrentUser user) {
		Demo demo = find(id, user);
		demo.complete(outcome, notes, user.id(), this.clock.instant());
		demo.stageEvents("demo", id, this.events);
		Demo saved = this.demos.save(demo);
		this.activities.log(demo.accountId(), new NewActivity(ActivityType.DEMO, Direction.OUTBOUND, demo.start(),
				List.of(user.id()), "Demo of " + String.join(", ", demo.products()) + " on unit " + demo.demoUnit(),
				outcome.name() + ((notes != null) ? ": " + notes : ""), null, null), user);
		return saved;
	}

}
