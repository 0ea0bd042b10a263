package com.chairside.order.approval.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.security.AccessRules;

/**
 * The approvals list is read by the sales roles; only sales managers and admins find anything in it (departments are
 * refused, as for orders).
 */
@Configuration(proxyBeanMethods = false)
class ApprovalAccess {

	@Bean
	AccessRules approvalRules() {
		return (requests) -> requests.requestMatchers("/api/approvals", "/api/approvals/**")
			.hasAnyRole("ACCOUNT_MANAGER", "SALES_ADMIN", "SALES_MANAGER", "ADMIN");
	}

}
