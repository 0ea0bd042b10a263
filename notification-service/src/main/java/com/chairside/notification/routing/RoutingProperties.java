package com.chairside.notification.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rulesCacheTtl how long a replica keeps the routing rules it read (its own writes apply at once, another
 * replica's within it)
 */
@ConfigurationProperties("chairside.notifications.routing")
public record RoutingProperties(@DefaultValue("5s") Duration rulesCacheTtl) {

}
