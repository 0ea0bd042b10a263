package com.chairside.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where each service listens: one base URL, or several separated by commas for replicas. */
@ConfigurationProperties("chairside.routes")
public record RouteProperties(@DefaultValue("http://127.0.0.1:8081") String leads,
		@DefaultValue("http://127.0.0.1:8082") String accounts, @DefaultValue("http://127.0.0.1:8083") String orders,
		@DefaultValue("http://127.0.0.1:8083") String products,
		@DefaultValue("http://127.0.0.1:8084") String notifications,
		@DefaultValue("http://127.0.0.1:8085") String reports) {
}
