package com.chairside.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's rules of who may call which endpoint, declared once as a bean and applied in the security filter chain:
 * a caller without the role is refused with 403 before the request body is read or validated.
 */
@FunctionalInterface
public interface AccessRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
