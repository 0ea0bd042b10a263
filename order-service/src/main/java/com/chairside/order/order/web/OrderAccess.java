package com.chairside.order.order.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/**
 * Who may order: account managers, sales administration (who key in and correct orders) and their managers; the
 * catalogue is for every signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccess {

	@Bean
	AccessRules orderRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
			.authenticated()
			.requestMatchers("/api/orders", "/api/orders/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_ADMIN", "SALES_MANAGER", "ADMIN");
	}

}
