package com.chairside.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of the sales API. The JWT is checked here before anything is forwarded, and forwarded with the request
 * so that each service applies its own role and region rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteProperties.class)
class Routes {

	private static final Logger log = LoggerFactory.getLogger(Routes.class);

	/** One route per service; {@code /api/products} is order-service's catalogue. */
	@Bean
	RouterFunction<ServerResponse> serviceRoutes(RouteProperties routes) {
		return service("lead-service", routes.leads(), "/api/leads")
			.and(service("account-service", routes.accounts(), "/api/accounts"))
			.and(service("order-service", routes.orders(), "/api/orders"))
			.and(service("order-service-catalogue", routes.products(), "/api/products"))
			.and(service("notification-service", routes.notifications(), "/api/notifications"))
			.and(service("reporting-service", routes.reports(), "/api/reports"));
	}

	/** A service that cannot be reached answers 503 problem+json, not a stack trace. */
	private static RouterFunction<ServerResponse> service(String name, String baseUrl, String prefix) {
		return route(name).route(path(prefix).or(path(prefix + "/**")), http())
			.before(uri(baseUrl))
			.onError(ResourceAccessException.class, (ex, request) -> {
				log.warn("{} unreachable at {}: {}", name, baseUrl, ex.getMessage());
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						name + " is not reachable right now; try again shortly");
				problem.setTitle("Service unavailable");
				return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			})
			.build();
	}

}
