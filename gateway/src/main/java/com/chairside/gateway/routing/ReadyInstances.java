package com.chairside.gateway.routing;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Each service's load-balancer context: the service's instances from discovery, kept to those whose readiness probe
 * answers 200. Neither annotated nor nested in a configuration class: it configures each service's own context, never
 * the gateway's.
 */
class ReadyInstances {

	/**
	 * The probes are made one after another on the load balancer's scheduler, so a replica that does not answer must
	 * not hold them up for long.
	 */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	@Bean
	ServiceInstanceListSupplier probedInstances(ConfigurableApplicationContext context) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build());
		requests.setReadTimeout(PROBE_TIMEOUT);
		return ServiceInstanceListSupplier.builder()
			.withBlockingDiscoveryClient()
			.withBlockingHealthChecks(RestClient.builder().requestFactory(requests).build())
			.build(context);
	}

}
