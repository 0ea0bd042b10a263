package com.chairside.order.order.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/**
 * Who may do what: account managers, sales administration and sales managers quote, order, change and cancel; only
 * sales administration moves the fulfilment states and commits delivery dates; only sales managers approve or reject
 * discounts (and late cancellations, which the order checks); account managers and sales administration request a
 * cancellation, which only sales managers approve or reject (those of the order's region who neither placed, changed
 * nor asked for it, which the service checks);
 * only admins maintain the catalogue and price lists, which every signed-in user reads. ADMIN may do everything.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccess {

	@Bean
	AccessRules orderRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
			.authenticated()
			.requestMatchers("/api/products", "/api/products/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/orders/*/status")
			.hasAnyRole("SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/orders/*/commitment")
			.hasAnyRole("SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/orders/*/discount-approval", "/api/orders/*/discount-approval/*",
					"/api/orders/*/cancellation-request/*")
			.hasAnyRole("SALES_MANAGER", "ADMIN")
			.requestMatchers("/api/orders/*/cancellation-request")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_ADMIN", "ADMIN")
			.requestMatchers("/api/orders", "/api/orders/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_ADMIN", "SALES_MANAGER", "ADMIN");
	}

}
