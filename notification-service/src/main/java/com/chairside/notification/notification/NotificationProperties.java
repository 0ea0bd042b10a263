package com.chairside.notification.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param recipients the mailbox of each department; a department not named gets {@code <department>@<domain>} */
@ConfigurationProperties("chairside.notification")
public record NotificationProperties(Map<Department, String> recipients, String domain, String from) {

	public NotificationProperties {
		recipients = (recipients != null) ? recipients : Map.of();
		domain = (domain != null) ? domain : "chairside.example";
		from = (from != null) ? from : "chairside@" + domain;
	}

	public String recipientOf(Department department) {
		return this.recipients.getOrDefault(department,
				department.name().toLowerCase().replace('_', '-') + "@" + this.domain);
	}

}
