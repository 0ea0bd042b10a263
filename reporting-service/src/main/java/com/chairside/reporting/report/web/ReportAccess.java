package com.chairside.reporting.report.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.security.AccessRules;

/**
 * Reports are for the sales roles; which regions each sees is decided by the report itself. Rebuilding projections is
 * for admins.
 */
@Configuration(proxyBeanMethods = false)
class ReportAccess {

	@Bean
	AccessRules reportRules() {
		return (requests) -> requests.requestMatchers("/api/reports/rebuild", "/api/reports/rebuild/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/reports/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "ADMIN");
	}

}
