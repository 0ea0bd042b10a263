package com.chairside.platform.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.chairside.platform.PlatformAutoConfiguration;
import com.chairside.platform.security.AccessRules;
import com.chairside.platform.security.CurrentUser;

import io.micrometer.core.instrument.MeterRegistry;

/** The audit trail in every service that has a store and an HTTP API. */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
public class AuditAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditAutoConfiguration.class);

	@Bean
	AuditTrail auditTrail(MongoTemplate mongo) {
		AuditTrail trail = new AuditTrail(mongo);
		try {
			trail.createIndexes();
		}
		catch (RuntimeException ex) {
			// A store that is away at start-up must not keep the service from starting; the trail works without them.
			log.warn("Audit trail indexes not created now: {}", ex.toString());
		}
		return trail;
	}

	@Bean
	AuditController auditController(AuditTrail auditTrail) {
		return new AuditController(auditTrail);
	}

	/** The trail is documented once, under the gateway's path; {@code /api/audit} is the same answer. */
	@Bean
	OpenApiCustomizer auditDocumentedOnce() {
		return (openApi) -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths().remove(AuditController.PATH);
			}
		};
	}

	/** Only admins read the trail; before every service's own rules, which could otherwise claim the path. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	AccessRules auditRules() {
		return (requests) -> requests.requestMatchers("/api/audit", "/api/audit/**").hasRole(CurrentUser.ADMIN);
	}

	/** Around the security filter chain, so that the refusals it answers itself are recorded too. */
	@Bean
	FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail auditTrail,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers, Clock clock,
			MeterRegistry meters) {
		FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(
				new AuditFilter(auditTrail, new RouteTemplates(handlers), clock, meters));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
