package com.chairside.gateway.routing;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.stereotype.Component;

/** The services behind the gateway and a ready replica of each, for the calls the gateway makes itself. */
@Component
public class ServiceReplicas {

	private final Set<String> services;

	private final LoadBalancerClient balancer;

	ServiceReplicas(RouteProperties routes, LoadBalancerClient balancer) {
		this.services = routes.byService()
			.keySet()
			.stream()
			.filter((name) -> !name.endsWith("-catalogue"))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		this.balancer = balancer;
	}

	/** The services behind the gateway, each once (the catalogue is order-service's too). */
	public Set<String> services() {
		return this.services;
	}

	/** The next ready replica of the service, round robin as for routed requests; empty when none is ready. */
	public Optional<URI> readyReplicaOf(String service) {
		return Optional.ofNullable(this.balancer.choose(service)).map(ServiceInstance::getUri);
	}

}
