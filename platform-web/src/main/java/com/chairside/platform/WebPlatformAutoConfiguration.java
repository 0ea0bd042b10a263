package com.chairside.platform;

import java.util.Map;

import org.apache.catalina.startup.Tomcat;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import com.chairside.platform.security.SecurityConfiguration;
import com.chairside.platform.trace.TraceResponseHeader;
import com.chairside.platform.web.JsonBodyGuard;
import com.chairside.platform.web.PagingGuard;
import com.chairside.platform.web.ProblemErrorController;
import com.chairside.platform.web.ProblemHandlers;
import com.chairside.platform.web.ProblemReportValve;
import com.chairside.platform.web.StrictJson;
import com.chairside.platform.web.WebSettings;

/**
 * The HTTP side of every Chairside process: JWT security, problem+json answers (also for what the container and the
 * error page answer: before Spring Boot's error controller), strict JSON, capped bodies, the trace named in each
 * response.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({ SecurityConfiguration.class, ProblemHandlers.class })
@EnableConfigurationProperties(WebSettings.class)
public class WebPlatformAutoConfiguration {

	@Bean
	FilterRegistrationBean<TraceResponseHeader> traceResponseHeader(ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		FilterRegistrationBean<TraceResponseHeader> registration = new FilterRegistrationBean<>(
				new TraceResponseHeader(tracer.getIfAvailable(() -> Tracer.NOOP),
						propagator.getIfAvailable(() -> Propagator.NOOP)));
		// After Boot's observation filter (which opens the server span), before Spring Security: a refused request
		// names its trace too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Probes and scrapes ({@code /actuator/**}, every few seconds from the launcher, the gateway and Prometheus) make
	 * no traces: they would bury the traces people follow.
	 */
	@Bean
	ObservationPredicate noActuatorTraces() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getRequestURI().startsWith("/actuator"));
	}

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	/** Maps the error page to {@link ProblemErrorController}, ahead of the controllers' mappings. */
	@Bean
	SimpleUrlHandlerMapping problemErrorMapping(ProblemErrorController errors,
			@Value("${server.error.path:/error}") String errorPath) {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(errorPath, errors));
		mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return mapping;
	}

	/** After Spring Boot's own configurer (order 0), so that the strict converter takes the JSON converter's place. */
	@Bean
	WebMvcConfigurer strictJsonBodies(JsonMapper jsonMapper) {
		return new WebMvcConfigurer() {

			@Override
			public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
				builder.withJsonConverter(StrictJson.httpConverter(jsonMapper));
			}

		};
	}

	/** {@link PagingGuard}: nobody pages beyond {@code chairside.web.max-paging-depth} items. */
	@Bean
	WebMvcConfigurer pagingGuard(WebSettings web) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new PagingGuard(web.maxPagingDepth())).addPathPatterns("/api/**");
			}

		};
	}

	@Bean
	FilterRegistrationBean<JsonBodyGuard> jsonBodyGuard(WebSettings web) {
		FilterRegistrationBean<JsonBodyGuard> registration = new FilterRegistrationBean<>(
				new JsonBodyGuard(web.maxJsonBody()));
		// Before Spring Security and anything else that might read the body.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatProblems {

		/** Runs after Spring Boot's own customizer, so that this valve sits inside Boot's and reports first. */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
			return new WebServerFactoryCustomizer<>() {

				@Override
				public void customize(TomcatServletWebServerFactory factory) {
					factory.addContextCustomizers((context) -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
				}

			};
		}

	}

}
