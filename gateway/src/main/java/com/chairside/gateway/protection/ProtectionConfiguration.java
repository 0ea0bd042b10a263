package com.chairside.gateway.protection;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's protections, in the order a request meets them: CORS for the sales UI's origin (before the token
 * check, so that preflight requests pass), the body size cap, then — after Spring Security has identified the user —
 * the rate limit per user.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GatewayLimits.class, RateLimits.Settings.class })
class ProtectionConfiguration {

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(GatewayLimits limits) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(limits.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "traceparent"));
		cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "traceparent"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(GatewayLimits limits) {
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(limits.maxBodySize(), limits.maxImportSize()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 16);
		return registration;
	}

	/** After the security filter chain (order -100): the user is known. */
	@Bean
	FilterRegistrationBean<RateLimits> rateLimits(RateLimits.Settings settings, MeterRegistry meters) {
		FilterRegistrationBean<RateLimits> registration = new FilterRegistrationBean<>(new RateLimits(settings, meters));
		registration.setOrder(0);
		return registration;
	}

}
