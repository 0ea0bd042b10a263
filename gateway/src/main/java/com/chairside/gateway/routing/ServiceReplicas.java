package com.chairside.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
public class ServiceReplicas {

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

	/** The services behind the gateway, each once (the catalogue is order-service's too). */
	public Set<String> services() {
		return this.services.keySet()
			.stream()
			.filter((name) -> !name.endsWith("-catalogue"))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** A ready replica of the service, for calls the gateway makes itself. */
	public Optional<URI> readyReplicaOf(String service) {
		return this.services.get(service).choose();
	}

	/** A replica that refused a connection to a call the gateway made itself gets no requests until it is ready again. */
	public void markDown(String service, URI replica) {
		this.services.get(service).markDown(replica);
	}

	@Scheduled(fixedDelayString = "${chairside.routes.probe-interval:2s}")
	void probe() {
		this.services.values().forEach(Replicas::probe);
	}

}
