package com.chairside.notification.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param namesCacheTtl how long a replica keeps a practice's name it read or applied: a rename applied here shows at
 * once, one applied by another replica (which consumes that account's partition) within it
 */
@ConfigurationProperties("chairside.notifications.accounts")
public record AccountProperties(@DefaultValue("60s") Duration namesCacheTtl) {

}
