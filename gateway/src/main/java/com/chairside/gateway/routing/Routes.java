package com.chairside.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of the sales API. The JWT is checked here before anything is forwarded, and forwarded with the request
 * so that each service applies its own role and region rules. Each service may run as several replicas: each request
 * goes to the next ready one ({@link Replicas}).
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	private static final Logger log = LoggerFactory.getLogger(Routes.class);

	/**
	 * Asked again of another replica when one cannot be reached or answers 502 or 503 without {@code Retry-After} (a
	 * replica going away); a 503 with {@code Retry-After} is the service telling the caller when to come back (its store
	 * is away, which every replica shares), passed on at once. Only the methods that change nothing
	 * when repeated and carry no body (the gateway streams a body to the first replica and keeps no copy, so PUT is not
	 * repeated; nor POST and PATCH, whatever the replica did with them).
	 */
	private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.DELETE);

	/** Two more replicas at most, at once: the next one round robin is another replica. */
	private static final HandlerFilterFunction<ServerResponse, ServerResponse> RETRY = RetryFilterFunctions
		.retry((config) -> config.setRetries(2)
			.setMethods(REPEATABLE)
			.setSeries(Set.of())
			.setExceptions(Set.of(ResourceAccessException.class, ReplicaUnavailable.class))
			.setBackoff(Duration.ofMillis(5), Duration.ofMillis(50), 2));

	/**
	 * One route per service; {@code /api/products} is order-service's catalogue, {@code /api/approvals} its list of
	 * decisions waiting for a sales manager.
	 */
	@Bean
	RouterFunction<ServerResponse> serviceRoutes(ServiceReplicas replicas) {
		return service("lead-service", "/api/leads")
			.and(service("lead-service", "/api/regions"))
			.and(service("lead-service", "/api/me"))
			.and(service("account-service", "/api/accounts"))
			.and(service("account-service", "/api/activities"))
			.and(service("account-service", "/api/demos"))
			.and(service("order-service", "/api/orders"))
			.and(service("order-service", "/api/approvals"))
			.and(service("order-service-catalogue", "/api/products"))
			.and(service("notification-service", "/api/notifications"))
			.and(service("notification-service", "/api/notification-rules"))
			.and(service("notification-service", "/api/webhook-subscriptions"))
			.and(service("reporting-service", "/api/reports"))
			.and(auditTrails(replicas));
	}

	/**
	 * Each service's audit trail for admins: {@code /api/audit/<service>} goes to that service unchanged, which
	 * answers it as its {@code /api/audit} (and checks the ADMIN role itself).
	 */
	private static RouterFunction<ServerResponse> auditTrails(ServiceReplicas replicas) {
		return replicas.services()
			.stream()
			.map((name) -> service(name, "/api/audit/" + name))
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

	/**
	 * Sends the request to the next ready replica ({@code lb}), repeatable requests again to the next one when that
	 * fails. A service with no ready replica, or none that can be reached, answers 503 problem+json at once instead of
	 * hanging.
	 */
	private static RouterFunction<ServerResponse> service(String service, String prefix) {
		return route(service).route(path(prefix).or(path(prefix + "/**")), http())
			.filter((request, next) -> unavailableAsProblem(service, request, next))
			.filter(Routes::retriedIfRepeatable)
			.filter(lb(service))
			.build();
	}

	private static ServerResponse retriedIfRepeatable(ServerRequest request, HandlerFunction<ServerResponse> next)
			throws Exception {
		if (!REPEATABLE.contains(request.method())) {
			return next.handle(request);
		}
		return RETRY.filter(request, (attempt) -> {
			ServerResponse response = next.handle(attempt);
			if (response.statusCode().value() == 502 || (response.statusCode().value() == 503
					&& response.headers().getFirst(HttpHeaders.RETRY_AFTER) == null)) {
				throw new ReplicaUnavailable(response);
			}
			return response;
		});
	}

	private static ServerResponse unavailableAsProblem(String service, ServerRequest request,
			HandlerFunction<ServerResponse> next) throws Exception {
		try {
			return next.handle(request);
		}
		catch (RetryException ex) {
			return unavailable(service, ex.getLastException());
		}
		catch (Exception ex) {
			return unavailable(service, ex);
		}
	}

	private static ServerResponse unavailable(String service, Throwable failure) throws Exception {
		if (failure instanceof ReplicaUnavailable last) {
			return last.response;
		}
		if (failure instanceof ResourceAccessException) {
			log.warn("{} unreachable: {}", service, failure.getMessage());
		}
		else if (!(failure instanceof HttpServerErrorException ex
				&& ex.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE)) {
			// anything but no ready replica (the load balancer logs that itself) is not this method's to answer
			if (failure instanceof Error error) {
				throw error;
			}
			throw (Exception) failure;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " is not reachable right now; try again shortly");
		problem.setTitle("Service unavailable");
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "2")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** A replica's 502 or 503, thrown so that the retry asks the next replica; the last one is answered as it is. */
	static final class ReplicaUnavailable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient ServerResponse response;

		ReplicaUnavailable(ServerResponse response) {
			super("answered " + response.statusCode(), null, false, false);
			this.response = response;
		}

	}

}
