package com.chairside.account.account.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/** Who may see and open accounts. */
@Configuration(proxyBeanMethods = false)
class AccountAccess {

	@Bean
	AccessRules accountRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/accounts", "/api/accounts/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/accounts", "/api/accounts/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_MANAGER", "ADMIN");
	}

}
