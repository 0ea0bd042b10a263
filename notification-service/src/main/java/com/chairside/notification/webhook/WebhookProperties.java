package com.chairside.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedHosts the {@code host:port} pairs subscription URLs may name; a host without a port allows its scheme's
 * default port only (80, 443). None by default
 * @param allowLoopback whether receivers on this machine's loopback ({@code localhost}, 127.0.0.0/8, {@code ::1}) are
 * reached at any port without the allow-list: set by the embedded default and the tests only, never in production
 * @param retryBackoff the pause after the first failed attempt, doubled after each further one
 * @param openCircuitPause how long a delivery waits when its endpoint's circuit is open
 * @param giveUpAfter how long after it was recorded a delivery still waiting behind an open circuit is given up
 * @param subscriptionsCacheTtl how long the event path keeps the subscriptions it read (this replica's own changes
 * apply at once, another replica's within it)
 * @param connectTimeout how long connecting to a receiver may take
 * @param requestTimeout how long a receiver may take to answer
 * @param maxAttempts how many times a delivery is attempted before it is given up
 * @param dispatchInterval how often the deliveries due are sent
 */
@ConfigurationProperties("chairside.notifications.webhooks")
record WebhookProperties(List<String> allowedHosts, boolean allowLoopback, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration requestTimeout, @DefaultValue("8") int maxAttempts,
		@DefaultValue("1s") Duration retryBackoff, @DefaultValue("5s") Duration openCircuitPause,
		@DefaultValue("24h") Duration giveUpAfter, @DefaultValue("5s") Duration subscriptionsCacheTtl,
		@DefaultValue("500ms") Duration dispatchInterval) {

	WebhookProperties {
		allowedHosts = (allowedHosts != null) ? allowedHosts : List.of();
	}

}
