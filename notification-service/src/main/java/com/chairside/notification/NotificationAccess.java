package com.chairside.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.chairside.platform.security.AccessRules;

/**
 * Who may do what: everyone signed in reads and acknowledges the notifications meant for them (which ones is decided
 * in the queries); admins keep the routing rules and webhook subscriptions, which sales managers and sales
 * administration may read; a subscription's deliveries are read by admins and the subscription's department.
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccess {

	@Bean
	AccessRules notificationRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.POST, "/api/notification-rules/dry-run")
			.hasAnyRole("ADMIN", "SALES_MANAGER", "SALES_ADMIN")
			// A subscription's deliveries: its department reads them too (which subscription is checked in the query).
			.requestMatchers(HttpMethod.GET, "/api/webhook-subscriptions/*/deliveries")
			.hasAnyRole("ADMIN", "DEPARTMENT")
			.requestMatchers(HttpMethod.GET, "/api/notification-rules", "/api/notification-rules/**",
					"/api/webhook-subscriptions", "/api/webhook-subscriptions/**")
			.hasAnyRole("ADMIN", "SALES_MANAGER", "SALES_ADMIN")
			.requestMatchers("/api/notification-rules", "/api/notification-rules/**", "/api/webhook-subscriptions",
					"/api/webhook-subscriptions/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/notifications", "/api/notifications/**")
			.authenticated();
	}

}
