package com.chairside.notification.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail practices get of their confirmed orders and moved delivery dates, the order form attached.
 *
 * @param orderServiceUrl where order-service's internal order form endpoint is
 * @param orderServiceKey the key that endpoint asks for, shared with order-service only (production: a secret)
 * @param orderFormTimeout how long fetching one order form may take
 * @param dispatchInterval how often the practice mails due are sent
 * @param recipientGrace how long a mail waits for its account's recipient (account and order events travel on
 * different topics)
 * @param maxBackoff the longest pause between two attempts at one mail
 */
@ConfigurationProperties("chairside.notifications.customer")
public record CustomerMailProperties(String orderServiceUrl, String orderServiceKey,
		@DefaultValue("10s") Duration orderFormTimeout, @DefaultValue("1s") Duration dispatchInterval,
		@DefaultValue("10m") Duration recipientGrace, @DefaultValue("15m") Duration maxBackoff) {

}
