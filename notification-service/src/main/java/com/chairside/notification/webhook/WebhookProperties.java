package com.chairside.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("chairside.notifications.webhooks")
record WebhookProperties(List<String> allowedHosts, boolean allowLoopback, Duration connectTimeout,
		Duration requestTimeout, int maxAttempts, Duration retryBackoff, Duration openCircuitPause,
		Duration giveUpAfter, Duration subscriptionsCacheTtl) {

	WebhookProperties {
		allowedHosts = (allowedHosts != null) ? allowedHosts : List.of();
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(2);
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(5);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 8;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofSeconds(1);
		openCircuitPause = (openCircuitPause != null) ? openCircuitPause : Duration.ofSeconds(5);
		giveUpAfter = (giveUpAfter != null) ? giveUpAfter : Duration.ofHours(24);
		subscriptionsCacheTtl = (subscriptionsCacheTtl != null) ? subscriptionsCacheTtl : Duration.ofSeconds(5);
	}

}
