package com.chairside.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but health and the API docs needs a JWT; the token's {@code roles} claim becomes Spring roles, and
 * each service's {@link AccessRules} say which roles may call which endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	public static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain chairsideSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPEN).permitAll();
				rules.orderedStream().forEach((rule) -> rule.configure(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(rolesConverter()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/** Maps the {@code roles} claim to {@code ROLE_*} authorities. */
	public static JwtAuthenticationConverter rolesConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

}
