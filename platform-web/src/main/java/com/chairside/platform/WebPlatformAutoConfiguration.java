package com.chairside.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import com.chairside.platform.security.SecurityConfiguration;
import com.chairside.platform.trace.TraceContextFilter;
import com.chairside.platform.web.ProblemHandlers;

/** The HTTP side of every Chairside process: JWT security, problem+json answers, trace context. */
@AutoConfiguration
@Import({ SecurityConfiguration.class, ProblemHandlers.class })
public class WebPlatformAutoConfiguration {

	@Bean
	FilterRegistrationBean<TraceContextFilter> traceContextFilter() {
		FilterRegistrationBean<TraceContextFilter> registration = new FilterRegistrationBean<>(new TraceContextFilter());
		// Before Spring Security, so that even a refused request logs with its trace id.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
