package com.chairside.account.account.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/**
 * Who may see and change accounts, activities and demos. Bulk reassignment (a territory change) is for sales managers
 * and admins only.
 */
@Configuration(proxyBeanMethods = false)
class AccountAccess {

	@Bean
	AccessRules accountRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.POST, "/api/accounts/reassignments")
			.hasAnyRole("SALES_MANAGER", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/accounts", "/api/accounts/**", "/api/demos/**", "/api/activities/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/accounts", "/api/accounts/**", "/api/demos", "/api/demos/**", "/api/activities/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "ADMIN");
	}

}
