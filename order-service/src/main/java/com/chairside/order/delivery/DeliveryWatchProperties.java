package com.chairside.order.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the delivery watch runs and when a delivery commitment counts as at risk.
 *
 * @param interval how often one replica runs the watch
 * @param initialDelay how long after start the watch first runs
 * @param atRiskSlackDays a confirmed order whose production must start in fewer days than this is at risk
 * @param transitDays an order in production that has not shipped this many days before its committed date is at risk
 */
@ConfigurationProperties("chairside.orders.delivery-watch")
public record DeliveryWatchProperties(@DefaultValue("PT15M") Duration interval, @DefaultValue("PT1M") Duration initialDelay,
		@DefaultValue("5") long atRiskSlackDays, @DefaultValue("3") long transitDays) {

}
