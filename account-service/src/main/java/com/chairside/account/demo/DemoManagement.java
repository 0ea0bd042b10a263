package com.chairside.account.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.chairside.account.account.AccountManagement;
import com.chairside.account.activity.ActivityLog;
import com.chairside.account.activity.ActivityType;
import com.chairside.account.activity.Direction;
import com.chairside.account.activity.NewActivity;
import com.chairside.account.leads.KnownLead;
import com.chairside.account.leads.LeadDirectory;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;

/** Scheduling, moving and cancelling demos on demo units that cannot be double-booked, and completing them. */
@Service
public class DemoManagement {

	private static final Logger log = LoggerFactory.getLogger(DemoManagement.class);

	private static final int ATTEMPTS = 5;

	private final Demos demos;

	private final DemoUnitCalendar calendar;

	private final AccountManagement accounts;

	private final LeadDirectory leads;

	private final ActivityLog activities;

	private final EventFactory events;

	private final MongoTemplate mongo;

	private final Clock clock;

	DemoManagement(Demos demos, DemoUnitCalendar calendar, AccountManagement accounts, LeadDirectory leads,
			ActivityLog activities, EventFactory events, MongoTemplate mongo, Clock clock) {
		this.demos = demos;
		this.calendar = calendar;
		this.accounts = accounts;
		this.leads = leads;
		this.activities = activities;
		this.events = events;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Books the unit first (409 when another demo holds it then), then saves the demo with its event. A demo is for an
	 * account or for a lead account-service has learnt of ({@link LeadDirectory}); a lead it does not know, like one of
	 * another region, is 404 (an unknown lead and one the user may not see answer alike).
	 */
	public Demo schedule(String accountId, String leadId, String demoUnit, List<String> products, Instant start,
			Instant end, CurrentUser user) {
		Instant from = millis(start);
		Instant until = millis(end);
		requireOrdered(from, until);
		String region;
		KnownLead lead = null;
		if (leadId != null) {
			lead = this.leads.find(leadId)
				.filter((l) -> user.canSee(l.region()))
				.orElseThrow(() -> new NotFoundException("Lead", leadId));
			region = lead.region();
			accountId = lead.accountId(); // a converted lead's demo is the account's at once
		}
		else {
			region = this.accounts.find(accountId, user).region();
		}
		String id = UUID.randomUUID().toString();
		this.calendar.book(demoUnit, id, from, until).ifPresent((clash) -> {
			throw new DemoUnitBookedException(demoUnit, clash.start(), clash.end());
		});
		Demo saved;
		try {
			Demo demo = Demo.schedule(id, accountId, leadId, region, demoUnit, products, from, until, user.id(),
					this.clock.instant());
			demo.stageEvents("demo", id, this.events);
			saved = this.demos.insert(demo);
		}
		catch (RuntimeException ex) {
			this.calendar.release(demoUnit, id);
			throw ex;
		}
		log.info("Demo {} of unit {} scheduled for account {} / lead {}", id, demoUnit, accountId, leadId);
		if (lead != null && saved.accountId() == null) {
			// converted meanwhile? The conversion reads the lead's demos after marking it, this reads it after adding
			KnownLead now = this.leads.demoBooked(leadId, id);
			if (now != null && now.accountId() != null) {
				saved = followConvertedLead(id, now.accountId()).orElse(saved);
			}
		}
		return saved;
	}

	/**
	 * Moves a scheduled demo to other times and/or another unit (each optional; what is not given stays): the new slot
	 * is booked first (409 naming the other demo's time when it is taken; the demo's own old slot never clashes), the
	 * demo saved with {@link DemoRescheduled}, then the old slot released. A demo that took place or was cancelled: 422.
	 */
	public Demo reschedule(String id, String demoUnit, Instant start, Instant end, CurrentUser user) {
		Demo demo = find(id, user);
		demo.requireScheduled();
		String unit = (demoUnit != null) ? demoUnit : demo.demoUnit();
		Instant from = (start != null) ? millis(start) : demo.start();
		Instant until = (end != null) ? millis(end) : demo.end();
		requireOrdered(from, until);
		String oldUnit = demo.demoUnit();
		Instant oldStart = demo.start();
		Instant oldEnd = demo.end();
		if (unit.equals(oldUnit) && from.equals(oldStart) && until.equals(oldEnd)) {
			return demo; // nothing moves
		}
		this.calendar.book(unit, id, from, until).ifPresent((clash) -> {
			throw new DemoUnitBookedException(unit, clash.start(), clash.end());
		});
		Demo saved;
		try {
			demo.reschedule(unit, from, until, user.id(), this.clock.instant());
			demo.stageEvents("demo", id, this.events);
			saved = this.demos.save(demo); // version-conditional: of two moves at once, one saves
		}
		catch (RuntimeException ex) {
			this.calendar.release(unit, id, from, until);
			throw ex;
		}
		this.calendar.release(oldUnit, id, oldStart, oldEnd);
		log.info("Demo {} moved from unit {} to unit {}", id, oldUnit, unit);
		return saved;
	}

	/**
	 * Cancels a scheduled demo for a reason ({@link DemoCancelled}) and frees its slot. The demo is saved first, then
	 * the slot freed: a failure between leaves the slot blocked (never double-booked), and cancelling again frees it.
	 */
	public Demo cancel(String id, String reason, CurrentUser user) {
		Demo demo = find(id, user);
		if (demo.status() == DemoStatus.CANCELLED) {
			this.calendar.release(demo.demoUnit(), id);
		}
		demo.cancel(reason, user.id(), this.clock.instant());
		demo.stageEvents("demo", id, this.events);
		Demo saved = this.demos.save(demo);
		this.calendar.release(demo.demoUnit(), id);
		log.info("Demo {} of unit {} cancelled", id, demo.demoUnit());
		return saved;
	}

	public Demo find(String id, CurrentUser user) {
		return this.demos.findById(id)
			.filter((d) -> user.canSee(d.region()))
			.orElseThrow(() -> new NotFoundException("Demo", id));
	}

	/**
	 * The demos the user may see of an account, a lead and/or a demo unit, by start time. A unit's calendar leaves
	 * cancelled demos out (their slots are free); an account's or a lead's list shows them, as cancelled.
	 */
	public List<Demo> list(String accountId, String leadId, String demoUnit, CurrentUser user) {
		Query query = new Query().with(Sort.by("start"));
		if (accountId != null) {
			query.addCriteria(Criteria.where("accountId").is(accountId));
		}
		if (leadId != null) {
			query.addCriteria(Criteria.where("leadId").is(leadId));
		}
		if (demoUnit != null) {
			query.addCriteria(Criteria.where("demoUnit").is(demoUnit).and("status").ne(DemoStatus.CANCELLED));
		}
		if (!user.seesAllRegions()) {
			query.addCriteria(Criteria.where("region").is(user.region()));
		}
		return this.mongo.find(query, Demo.class);
	}

	/**
	 * Completes the demo with its outcome; it goes on the account's timeline as a DEMO activity (a lead's demo has no
	 * timeline yet: it goes on none).
	 */
	public Demo complete(String id, DemoOutcome outcome, String notes, CurrentUser user) {
		Demo demo = find(id, user);
		demo.complete(outcome, notes, user.id(), this.clock.instant());
		demo.stageEvents("demo", id, this.events);
		Demo saved = this.demos.save(demo);
		if (demo.accountId() == null) {
			return saved;
		}
		this.activities.log(demo.accountId(), new NewActivity(ActivityType.DEMO, Direction.OUTBOUND, demo.start(),
				List.of(user.id()), "Demo of " + String.join(", ", demo.products()) + " on unit " + demo.demoUnit(),
				outcome.name() + ((notes != null) ? ": " + notes : ""), null, null), user);
		return saved;
	}

	/** The lead's demos now belong to the account it was converted into (each read and saved by id). */
	public void leadConverted(KnownLead lead) {
		lead.demoIds().forEach((demoId) -> followConvertedLead(demoId, lead.accountId()));
	}

	/** The lead, not converted yet, moved to another region: its demos move with it. */
	public void leadMoved(KnownLead lead) {
		lead.demoIds().forEach((demoId) -> change(demoId, (demo) -> demo.leadMoved(lead.region())));
	}

	private Optional<Demo> followConvertedLead(String demoId, String accountId) {
		Optional<Demo> changed = change(demoId, (demo) -> demo.leadConverted(accountId));
		changed.ifPresent((demo) -> log.info("Demo {} follows its lead {} to account {}", demoId, demo.leadId(), accountId));
		return changed;
	}

	/** One version-conditional save of a change that happens to the demo (read again when it changed meanwhile). */
	private Optional<Demo> change(String demoId, Predicate<Demo> change) {
		for (int attempt = 1;; attempt++) {
			Demo demo = this.demos.findById(demoId).orElse(null);
			if (demo == null || !change.test(demo)) {
				return Optional.empty();
			}
			try {
				return Optional.of(this.demos.save(demo));
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** Times as the store keeps them (milliseconds), so that a slot is found again by its times. */
	private static Instant millis(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	private static void requireOrdered(Instant start, Instant end) {
		if (!end.isAfter(start)) {
			throw new InvalidFieldException("end", "must be after start");
		}
	}

}
