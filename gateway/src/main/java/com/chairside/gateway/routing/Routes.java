package com.chairside.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of the sales API. The JWT is checked here before anything is forwarded, and forwarded with the request
 * so that each service applies its own role and region rules. Each service may run as several replicas.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	private static final Logger log = LoggerFactory.getLogger(Routes.class);


	/**
	 * One route per service; {@code /api/products} is order-service's catalogue, {@code /api/approvals} its list of
	 * decisions waiting for a sales manager.
	 */
	@Bean
	RouterFunction<ServerResponse> serviceRoutes(ServiceReplicas replicas) {
		return service(replicas.of("lead-service"), "/api/leads")
			.and(service(replicas.of("lead-service"), "/api/regions"))
			.and(service(replicas.of("lead-service"), "/api/me"))
			.and(service(replicas.of("account-service"), "/api/accounts"))
			.and(service(replicas.of("account-service"), "/api/activities"))
			.and(service(replicas.of("account-service"), "/api/demos"))
			.and(service(replicas.of("order-service"), "/api/orders"))
			.and(service(replicas.of("order-service"), "/api/approvals"))
			.and(service(replicas.of("order-service-catalogue"), "/api/products"))
			.and(service(replicas.of("notification-service"), "/api/notifications"))
			.and(service(replicas.of("notification-service"), "/api/notification-rules"))
			.and(service(replicas.of("notification-service"), "/api/webhook-subscriptions"))
			.and(service(replicas.of("reporting-service"), "/api/reports"))
			.and(auditTrails(replicas));
	}

	/**
	 * Each service's audit trail for admins: {@code /api/audit/<service>} goes to that service unchanged, which
	 * answers it as its {@code /api/audit} (and checks the ADMIN role itself).
	 */
	private static RouterFunction<ServerResponse> auditTrails(ServiceReplicas replicas) {
		return replicas.services()
			.stream()
			.map((name) -> service(replicas.of(name), "/api/audit/" + name))
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

	/**
	 * Sends the request to the next ready replica. A service with no ready replica, or one that cannot be reached,
	 * answers 503 problem+json at once instead of hanging.
	 */
	private static RouterFunction<ServerResponse> service(Replicas replicas, String prefix) {
		HandlerFunction<ServerResponse> proxy = http();
		return route(replicas.service()).route(path(prefix).or(path(prefix + "/**")), (request) -> {
			Optional<URI> replica = replicas.choose();
			if (replica.isEmpty()) {
				return unavailable(replicas.service());
			}
			try {
				return proxy.handle(uri(replica.get()).apply(request));
			}
			catch (ResourceAccessException ex) {
				log.warn("{} unreachable at {}: {}", replicas.service(), replica.get(), ex.getMessage());
				replicas.markDown(replica.get());
				return unavailable(replicas.service());
			}
		}).build();
	}

	private static ServerResponse unavailable(String service) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " is not reachable right now; try again shortly");
		problem.setTitle("Service unavailable");
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "2")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
