package com.chairside.notification.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail of this service's notifications ({@code chairside.notifications.*}); the people told by name, escalation,
 * reminders, routing, practice mail and webhooks have records of their own under the same prefix.
 *
 * @param domain the mail domain: a department not named in {@code recipients} gets {@code <department>@<domain>}, a
 * person the directory has no address of {@code <user id>@<domain>}
 * @param from the sender of the mails (default {@code chairside@<domain>})
 * @param recipients the mailbox of each department; a department not named gets {@code <department>@<domain>}
 * @param dispatchInterval how often the mail queue is worked off
 * @param practiceGrace how long the mail of an order's notification waits for its practice's name (the account's and
 * the order's events travel on different topics) before it goes out without it
 * @param mailSweepInterval how often one replica looks for PENDING notifications whose mail is owed but not queued
 * @param mailSweepInitialDelay how long after start that look is first taken
 */
@ConfigurationProperties("chairside.notifications")
public record NotificationProperties(@DefaultValue("chairside.example") String domain, String from,
		Map<Department, String> recipients, @DefaultValue("500ms") Duration dispatchInterval,
		@DefaultValue("5s") Duration practiceGrace, @DefaultValue("10m") Duration mailSweepInterval,
		@DefaultValue("30s") Duration mailSweepInitialDelay) {

	public NotificationProperties {
		recipients = (recipients != null) ? recipients : Map.of();
		from = (from != null) ? from : "chairside@" + domain;
	}

	public String recipientOf(Department department) {
		return this.recipients.getOrDefault(department,
				department.name().toLowerCase().replace('_', '-') + "@" + this.domain);
	}

	public String mailboxOf(String person) {
		return person + "@" + this.domain;
	}

}
