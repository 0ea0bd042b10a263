package com.chairside.lead.lead.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/** Who may work the prospect database: account managers and their managers write; sales administration also reads. */
@Configuration(proxyBeanMethods = false)
class LeadAccess {

	@Bean
	AccessRules leadRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/leads", "/api/leads/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/leads", "/api/leads/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "ADMIN");
	}

}
