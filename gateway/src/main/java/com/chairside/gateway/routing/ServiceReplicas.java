package com.chairside.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The replicas of every service, from {@code chairside.routes.*} (each a comma-separated list of base URLs), with
 * their readiness probed every two seconds.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(RouteProperties.class)
class ServiceReplicas {

	private final Map<String, Replicas> services = new LinkedHashMap<>();

	ServiceReplicas(RouteProperties routes) {
		add(new Replicas("lead-service", routes.leads()));
		add(new Replicas("account-service", routes.accounts()));
		add(new Replicas("order-service", routes.orders()));
		add(new Replicas("order-service-catalogue", routes.products()));
		add(new Replicas("notification-service", routes.notifications()));
		add(new Replicas("reporting-service", routes.reports()));
	}

	private void add(Replicas replicas) {
		this.services.put(replicas.service(), replicas);
	}

	Replicas of(String service) {
		return this.services.get(service);
	}

	@Scheduled(fixedDelayString = "${chairside.routes.probe-interval:2s}")
	void probe() {
		this.services.values().forEach(Replicas::probe);
	}

}
