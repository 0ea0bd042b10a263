package com.chairside.notification.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.accounts.AccountDirectory;
import com.chairside.notification.notification.Channel;
import com.chairside.notification.notification.Notice;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.notification.reminders.Reminder.Kind;
import com.chairside.notification.texts.Texts;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The morning round: at {@code chairside.notifications.reminders.morning} in its zone, each next step due that day and
 * each demo the next day reaches its owner in the inbox ({@code NextStepDue}, {@code DemoTomorrow}, in-app only), and
 * each owner gets one mail listing them all ({@code MorningReminders}). One replica checks every
 * {@code check-interval} (the {@code morning-reminders} scheduler lock); the day's marker ({@code reminder_rounds})
 * keeps the checks after the round from doing it again, and the notifications are keyed by reminder, day and person,
 * so a round done twice (a crash before the marker, two checks that met) tells nobody twice.
 */
@Component
public class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final String INTERVAL = "${chairside.notifications.reminders.check-interval:1m}";

	private final Reminders reminders;

	private final NotificationManagement notifications;

	private final AccountDirectory accounts;

	private final Texts texts;

	private final MongoTemplate mongo;

	private final ReminderProperties properties;

	private final Clock clock;

	ReminderJob(Reminders reminders, NotificationManagement notifications, AccountDirectory accounts, Texts texts,
			MongoTemplate mongo, ReminderProperties properties, Clock clock) {
		this.reminders = reminders;
		this.notifications = notifications;
		this.accounts = accounts;
		this.texts = texts;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/** The scheduled check, on one replica per interval. */
	@Scheduled(fixedDelayString = INTERVAL,
			initialDelayString = "${chairside.notifications.reminders.initial-delay:30s}")
	@SchedulerLock(name = "morning-reminders", lockAtLeastFor = INTERVAL, lockAtMostFor = INTERVAL)
	public void remindOnSchedule() {
		remind();
	}

	/**
	 * Does today's round if the morning time has come and the round is not done yet; returns how many owners it
	 * mailed. Run by the schedule, and by tests on the test clock.
	 */
	public synchronized int remind() {
		ZonedDateTime now = this.clock.instant().atZone(this.properties.zone());
		if (now.toLocalTime().isBefore(this.properties.morning())) {
			return 0;
		}
		LocalDate today = now.toLocalDate();
		String marker = "morning:" + today;
		if (this.mongo.findById(marker, Round.class) != null) {
			return 0;
		}
		int owners = morning(today);
		try {
			this.mongo.insert(new Round(marker));
		}
		catch (DuplicateKeyException ex) {
			// another replica finished the round too
		}
		return owners;
	}

	/** The round of {@code today}: the in-app reminders and one mail per owner. Returns how many owners it mailed. */
	int morning(LocalDate today) {
		Map<String, List<Map<String, Object>>> nextSteps = new LinkedHashMap<>();
		Map<String, List<Map<String, Object>>> demos = new LinkedHashMap<>();
		for (Reminder reminder : this.reminders.of(today)) {
			String owner = ownerOf(reminder);
			if (owner == null) {
				continue;
			}
			Map<String, Object> item = item(reminder);
			boolean nextStep = reminder.kind() == Kind.NEXT_STEP;
			(nextStep ? nextSteps : demos).computeIfAbsent(owner, (o) -> new java.util.ArrayList<>()).add(item);
			Map<String, Object> model = model(today, nextStep ? List.of(item) : List.of(),
					nextStep ? List.of() : List.of(item));
			String type = nextStep ? "NextStepDue" : "DemoTomorrow";
			this.notifications.record(new Notice("reminder:" + reminder.id() + ":" + today, type, null, null,
					(String) item.get("practice"), reminder.accountId(), reminder.region(), this.clock.instant(),
					this.texts.subject("subjects/" + type, item), this.texts.text("reminders", model), List.of(),
					Set.of(), Set.of(owner), null, Channel.IN_APP));
		}
		Set<String> owners = new java.util.LinkedHashSet<>(nextSteps.keySet());
		owners.addAll(demos.keySet());
		for (String owner : owners) {
			List<Map<String, Object>> steps = nextSteps.getOrDefault(owner, List.of());
			List<Map<String, Object>> shows = demos.getOrDefault(owner, List.of());
			Map<String, Object> model = model(today, steps, shows);
			this.notifications.record(new Notice("reminders:" + today + ":" + owner, "MorningReminders", null, null,
					null, null, null, this.clock.instant(), this.texts.subject("subjects/MorningReminders", model),
					this.texts.text("reminders", model), List.of(), Set.of(), Set.of(owner), null, Channel.EMAIL));
		}
		log.info("Morning round of {}: {} owners reminded", today, owners.size());
		return owners.size();
	}

	/** A next step is owed by the account's owner (who takes over the account's next steps), a demo by its organiser. */
	private String ownerOf(Reminder reminder) {
		if (reminder.kind() == Kind.NEXT_STEP) {
			return this.accounts.ownerOf(reminder.accountId()).orElse(reminder.owner());
		}
		return reminder.owner();
	}

	private Map<String, Object> item(Reminder reminder) {
		Map<String, Object> item = new HashMap<>();
		item.put("practice", this.accounts.nameOf(reminder.accountId()).orElse(null));
		item.put("accountId", reminder.accountId());
		item.put("leadId", reminder.leadId());
		item.put("type", reminder.activityType());
		item.put("occurredOn", (reminder.occurredAt() != null)
				? LocalDate.ofInstant(reminder.occurredAt(), this.properties.zone()).toString() : null);
		item.put("due", reminder.due());
		item.put("demoUnit", reminder.demoUnit());
		item.put("start", time(reminder.start()));
		item.put("end", time(reminder.end()));
		return item;
	}

	private String time(java.time.Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.properties.zone())) : null;
	}

	private static Map<String, Object> model(LocalDate today, List<Map<String, Object>> nextSteps,
			List<Map<String, Object>> demos) {
		Map<String, Object> model = new HashMap<>();
		model.put("date", today.toString());
		model.put("count", nextSteps.size() + demos.size());
		model.put("one", nextSteps.size() + demos.size() == 1);
		model.put("nextSteps", nextSteps.isEmpty() ? null : Map.of("items", nextSteps));
		model.put("demos", demos.isEmpty() ? null : Map.of("items", demos));
		return model;
	}

	/** A morning round done, by day. */
	@Document("reminder_rounds")
	record Round(@Id String id) {
	}

}
