package com.chairside.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where each service listens: one base URL, or several separated by commas for replicas. */
@ConfigurationProperties("chairside.routes")
public record RouteProperties(@DefaultValue("http://127.0.0.1:8081") String leads,
		@DefaultValue("http://127.0.0.1:8082") String accounts, @DefaultValue("http://127.0.0.1:8083") String orders,
		@DefaultValue("http://127.0.0.1:8083") String products,
		@DefaultValue("http://127.0.0.1:8084") String notifications,
		@DefaultValue("http://127.0.0.1:8085") String reports) {

	/**
	 * Each route's base URLs by the name its load balancer knows it by: the service's, and
	 * {@code order-service-catalogue} for {@code /api/products}, which may be told apart from order-service's own.
	 */
	Map<String, String> byService() {
		Map<String, String> services = new LinkedHashMap<>();
		services.put("lead-service", this.leads);
		services.put("account-service", this.accounts);
		services.put("order-service", this.orders);
		services.put("order-service-catalogue", this.products);
		services.put("notification-service", this.notifications);
		services.put("reporting-service", this.reports);
		return services;
	}

}
