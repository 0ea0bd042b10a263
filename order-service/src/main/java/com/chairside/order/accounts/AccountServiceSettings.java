package com.chairside.order.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service asks account-service.
 *
 * @param url where account-service is
 * @param connectTimeout how long connecting to it may take
 * @param readTimeout how long it may take to answer
 * @param retryAfter told to callers in {@code Retry-After} when account-service cannot be asked (about the circuit
 * breaker's open time)
 */
@ConfigurationProperties("chairside.orders.account-service")
record AccountServiceSettings(String url, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("2s") Duration readTimeout, @DefaultValue("10s") Duration retryAfter) {

}
