package com.chairside.lead;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/**
 * Who may work the prospect database: account managers and their managers write, sales administration also reads;
 * reassignment is for managers; territories and account managers of a region are kept by admins; targets are set by
 * sales managers (of that region, checked in the use case) and admins.
 */
@Configuration(proxyBeanMethods = false)
class LeadAccess {

	@Bean
	AccessRules leadRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.POST, "/api/leads/*/assign")
			.hasAnyRole("SALES_MANAGER", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/leads", "/api/leads/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/leads", "/api/leads/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/regions/*/targets/*")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers(HttpMethod.PUT, "/api/regions/*/targets/*")
			.hasAnyRole("SALES_MANAGER", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/regions/*/territories", "/api/regions/*/account-managers")
			.hasAnyRole("SALES_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/regions/*/territories", "/api/regions/*/account-managers")
			.hasRole("ADMIN");
	}

}
