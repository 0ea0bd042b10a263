package com.chairside.account.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import com.chairside.platform.persistence.VersionedSave;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;

/** Scheduling, moving and cancelling demos on demo units that cannot be double-booked, and completing them. */
@Service
public class DemoManagement {

	private static final Logger log = LoggerFactory.getLogger(DemoManagement.class);

	/** The longest window {@link #ofOwner} answers for: a month. */
	static final Duration LONGEST_WINDOW = Duration.ofDays(31);

	private final Demos demos;

	private final DemoUnitCalendar calendar;

	private final DemoDays days;

	private final AccountManagement accounts;

	private final LeadDirectory leads;

	private final ActivityLog activities;

	private final EventFactory events;

	private final MongoTemplate mongo;

	private final Clock clock;

	DemoManagement(Demos demos, DemoUnitCalendar calendar, DemoDays days, AccountManagement accounts,
			LeadDirectory leads, ActivityLog activities, EventFactory events, MongoTemplate mongo, Clock clock) {
		this.demos = demos;
		this.calendar = calendar;
		this.days = days;
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
			this.days.enter(id, from, versionOnceSaved(demo));
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
		boolean otherDay = !DemoDays.sameDay(from, oldStart);
		Demo saved;
		try {
			if (otherDay) {
				this.days.enter(id, from, versionOnceSaved(demo));
			}
			demo.reschedule(unit, from, until, user.id(), this.clock.instant());
			demo.stageEvents("demo", id, this.events);
			saved = this.demos.save(demo); // version-conditional: of two moves at once, one saves
		}
		catch (RuntimeException ex) {
			this.calendar.release(unit, id, from, until);
			throw ex;
		}
		this.calendar.release(oldUnit, id, oldStart, oldEnd);
		if (otherDay) {
			this.days.leave(id, oldStart, saved.version());
		}
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
		this.days.leave(id, demo.start());
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
	 * The demos on the accounts {@code owner} holds now that start in [from, until), by start time, with each account's
	 * practice name; a lead's demo (no account yet) is nobody's here, and a cancelled demo is left out. Read by
	 * {@code _id} alone: the window's days ({@link DemoDays}), their demos, then those demos' accounts; whatever else
	 * each must satisfy (the user's region, the window, the owner) is checked on what was read. The window is at most
	 * {@link #LONGEST_WINDOW} long (400 naming {@code until} otherwise), which bounds the work and the answer.
	 */
	public List<PracticeDemo> ofOwner(String owner, Instant from, Instant until, CurrentUser user) {
		if (!until.isAfter(from)) {
			throw new InvalidFieldException("until", "must be after from");
		}
		if (Duration.between(from, until).compareTo(LONGEST_WINDOW) > 0) {
			throw new InvalidFieldException("until", "must be at most " + LONGEST_WINDOW.toDays() + " days after from");
		}
		List<Demo> inWindow = new ArrayList<>();
		this.demos.findAllById(this.days.demoIds(from, until)).forEach((demo) -> {
			if (user.canSee(demo.region()) && demo.accountId() != null && demo.status() != DemoStatus.CANCELLED
					&& !demo.start().isBefore(from) && demo.start().isBefore(until)) {
				inWindow.add(demo);
			}
		});
		Map<String, String> practices = new HashMap<>();
		this.accounts.findAll(inWindow.stream().map(Demo::accountId).collect(Collectors.toSet()), user)
			.stream()
			.filter((account) -> owner.equals(account.owner()))
			.forEach((account) -> practices.put(account.id(), account.name()));
		return inWindow.stream()
			.filter((demo) -> practices.containsKey(demo.accountId()))
			.sorted(Comparator.comparing(Demo::start))
			.map((demo) -> new PracticeDemo(demo, practices.get(demo.accountId())))
			.toList();
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
		return VersionedSave.change(() -> this.demos.findById(demoId), change, this.demos::save);
	}


	/** The version the store gives the demo when it is saved next (a new one starts at 0). */
	private static long versionOnceSaved(Demo demo) {
		return (demo.version() != null) ? demo.version() + 1 : 0;
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
