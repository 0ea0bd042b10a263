package com.chairside.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedHosts the hosts subscription URLs may name (no requests to arbitrary internal addresses); the
 * embedded default allows loopback only
 * @param retryBackoff the pause after the first failed attempt, doubled after each further one
 * @param openCircuitPause how long a delivery waits when its endpoint's circuit is open
 * @param giveUpAfter how long after it was recorded a delivery still waiting behind an open circuit is given up
 * @param subscriptionsCacheTtl how long the event path keeps the subscriptions it read (this replica's own changes
 * apply at once, another replica's within it)
 */
@ConfigurationProperties("chairside.notifications.webhooks")
record WebhookProperties(List<String> allowedHosts, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
		Duration retryBackoff, Duration openCircuitPause, Duration giveUpAfter, Duration subscriptionsCacheTtl) {

	WebhookProperties {
		allowedHosts = (allowedHosts != null) ? allowedHosts : List.of("127.0.0.1", "localhost", "::1", "[::1]");
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(2);
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(5);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 8;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofSeconds(1);
		openCircuitPause = (openCircuitPause != null) ? openCircuitPause : Duration.ofSeconds(5);
		giveUpAfter = (giveUpAfter != null) ? giveUpAfter : Duration.ofHours(24);
		subscriptionsCacheTtl = (subscriptionsCacheTtl != null) ? subscriptionsCacheTtl : Duration.ofSeconds(5);
	}

	boolean allows(String host) {
		return host != null && this.allowedHosts.stream().anyMatch(host::equalsIgnoreCase);
	}

}
