package com.chairside.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.LoadBalancerEagerContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The replicas of every service, for Spring Cloud LoadBalancer: the simple discovery client lists the base URLs of
 * {@code chairside.routes.*}, and each service's load balancer goes round robin over those whose readiness probe
 * answers 200 ({@code spring.cloud.loadbalancer.health-check.*}: the path and how often).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteProperties.class)
@LoadBalancerClients(defaultConfiguration = ReadyInstances.class)
class Replicas {

	/** Replaces the simple discovery client's own properties, which would list no service. */
	@Bean
	SimpleDiscoveryProperties simpleDiscoveryProperties(RouteProperties routes) {
		SimpleDiscoveryProperties discovery = new SimpleDiscoveryProperties();
		routes.byService().forEach((service, urls) -> discovery.getInstances().put(service, instances(service, urls)));
		return discovery;
	}

	private static List<InstanceProperties> instances(String service, String urls) {
		List<InstanceProperties> instances = new ArrayList<>();
		for (String url : urls.trim().split("\\s*,\\s*")) {
			InstanceProperties instance = new InstanceProperties();
			instance.setServiceId(service);
			instance.setUri(URI.create(url));
			instances.add(instance);
		}
		return instances;
	}

	/**
	 * Every service's load balancer made with the gateway rather than on its first request, so that the replicas are
	 * probed before any request waits for them.
	 */
	@Bean
	LoadBalancerEagerContextInitializer probedFromTheStart(LoadBalancerClientFactory balancers, RouteProperties routes) {
		return new LoadBalancerEagerContextInitializer(balancers, List.copyOf(routes.byService().keySet()));
	}

}
