package com.chairside.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.time.Duration;
import java.util.Optional;
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
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.chairside.gateway.protection.BodySizeLimit;
import com.chairside.gateway.protection.GatewayLimits;

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
	 * is away, which every replica shares), passed on at once. Only the methods HTTP defines as idempotent, whose
	 * repetition changes nothing the first did not: the reads, DELETE, and PUT (each service's PUT sets a whole state:
	 * a target, territory rules, a team, a routing rule, a product, who receives order mail, a delivery date), whose body
	 * is kept for the next replica ({@link ReplayableBody}); one sent with {@code If-Match} that the first replica did
	 * apply before going away is answered 412 by the next, applied once all the same. POST and PATCH go to one replica
	 * only, whatever it did with them.
	 */
	private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.DELETE, HttpMethod.PUT);

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
	RouterFunction<ServerResponse> serviceRoutes(ServiceReplicas replicas, GatewayLimits limits) {
		DataSize cap = limits.maxBodySize();
		return service("lead-service", "/api/leads", cap)
			.and(service("lead-service", "/api/regions", cap))
			.and(service("lead-service", "/api/me", cap))
			.and(service("account-service", "/api/accounts", cap))
			.and(service("account-service", "/api/activities", cap))
			.and(service("account-service", "/api/demos", cap))
			.and(service("order-service", "/api/orders", cap))
			.and(service("order-service", "/api/approvals", cap))
			.and(service("order-service-catalogue", "/api/products", cap))
			.and(service("notification-service", "/api/notifications", cap))
			.and(service("notification-service", "/api/notification-rules", cap))
			.and(service("notification-service", "/api/webhook-subscriptions", cap))
			.and(service("reporting-service", "/api/reports", cap))
			.and(auditTrails(replicas, cap));
	}

	/**
	 * Each service's audit trail for admins: {@code /api/audit/<service>} goes to that service unchanged, which
	 * answers it as its {@code /api/audit} (and checks the ADMIN role itself).
	 */
	private static RouterFunction<ServerResponse> auditTrails(ServiceReplicas replicas, DataSize cap) {
		return replicas.services()
			.stream()
			.map((name) -> service(name, "/api/audit/" + name, cap))
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

	/**
	 * Sends the request to the next ready replica ({@code lb}), repeatable requests again to the next one when that
	 * fails. A service with no ready replica, or none that can be reached, answers 503 problem+json at once instead of
	 * hanging. A PUT's body, at most {@code cap} (as {@link BodySizeLimit} holds every body that states its length), is
	 * read whole before the first replica is asked; one that turns out larger is answered 413 as that filter would.
	 */
	private static RouterFunction<ServerResponse> service(String service, String prefix, DataSize cap) {
		return route(service).route(path(prefix).or(path(prefix + "/**")), http())
			.filter((request, next) -> unavailableAsProblem(service, request, next))
			.filter((request, next) -> retriedIfRepeatable(request, next, cap))
			.filter(lb(service))
			.build();
	}

	private static ServerResponse retriedIfRepeatable(ServerRequest request, HandlerFunction<ServerResponse> next,
			DataSize cap) throws Exception {
		if (!REPEATABLE.contains(request.method())) {
			return next.handle(request);
		}
		if (!HttpMethod.PUT.equals(request.method())) {
			return RETRY.filter(request, (attempt) -> answerOf(next, attempt));
		}
		Optional<ReplayableBody> kept = ReplayableBody.read(request.servletRequest(), cap);
		if (kept.isEmpty()) {
			ProblemDetail problem = BodySizeLimit.tooLarge(cap);
			return ServerResponse.status(problem.getStatus())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ReplayableBody body = kept.get();
		ServerRequest replayable = ServerRequest.create(body, request.messageConverters(),
				request.apiVersionStrategy());
		return RETRY.filter(replayable, (attempt) -> {
			body.rewind();
			return answerOf(next, attempt);
		});
	}

	/** The replica's answer; its 502, or 503 without {@code Retry-After}, thrown for the next replica to be asked. */
	private static ServerResponse answerOf(HandlerFunction<ServerResponse> next, ServerRequest attempt)
			throws Exception {
		ServerResponse response = next.handle(attempt);
		if (response.statusCode().value() == 502 || (response.statusCode().value() == 503
				&& response.headers().getFirst(HttpHeaders.RETRY_AFTER) == null)) {
			throw new ReplicaUnavailable(response);
		}
		return response;
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
