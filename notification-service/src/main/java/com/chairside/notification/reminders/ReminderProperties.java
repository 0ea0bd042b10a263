package com.chairside.notification.reminders;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the reminders go out.
 *
 * @param morning the local time of the morning round (default 07:00): next steps due that day and demos the next day
 * reach their owners in the inbox, and each owner one mail listing them
 * @param zone the zone that time and the days are of (default UTC)
 * @param checkInterval how often a replica looks whether the morning round is due (default 1m); a replica that was
 * down at the time does the round when it is back, the same day
 * @param initialDelay how long after start a replica first looks (default 30s)
 */
@ConfigurationProperties("chairside.notifications.reminders")
public record ReminderProperties(@DefaultValue("07:00") LocalTime morning, @DefaultValue("UTC") ZoneId zone,
		@DefaultValue("1m") Duration checkInterval, @DefaultValue("30s") Duration initialDelay) {

}
