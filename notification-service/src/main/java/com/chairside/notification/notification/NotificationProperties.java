package com.chairside.notification.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param recipients the mailbox of each department; a department not named gets {@code <department>@<domain>}
 * @param people the mailbox of each person; a person not named gets {@code <user id>@<domain>}
 */
@ConfigurationProperties("chairside.notification")
public record NotificationProperties(Map<Department, String> recipients, Map<String, String> people, String domain,
		String from) {

	public NotificationProperties {
		recipients = (recipients != null) ? recipients : Map.of();
		people = (people != null) ? people : Map.of();
		domain = (domain != null) ? domain : "chairside.example";
		from = (from != null) ? from : "chairside@" + domain;
	}

	public String recipientOf(Department department) {
		return this.recipients.getOrDefault(department,
				department.name().toLowerCase().replace('_', '-') + "@" + this.domain);
	}

	public String mailboxOf(String person) {
		return this.people.getOrDefault(person, person + "@" + this.domain);
	}

}
