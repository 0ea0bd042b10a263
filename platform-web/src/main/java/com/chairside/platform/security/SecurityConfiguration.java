package com.chairside.platform.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but health and the API docs needs a JWT; the token's {@code roles} claim becomes Spring roles, and
 * each service's {@link AccessRules} say which roles may call which endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
public class SecurityConfiguration {

	public static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	/**
	 * No observations of Spring Security's own: a request is already observed as an HTTP exchange, with its store
	 * commands and sends inside it. Observing each of the chain's filters, the authentication and the authorization as
	 * well made a dozen meters and spans per request, about a tenth of what order-service allocated serving an order
	 * change (a flight recording under the end-to-end load), and buried the steps people follow in a trace.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain chairsideSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules) throws Exception {
		return bearerTokens(http, rules.orderedStream().toList()).build();
	}

	/**
	 * Stateless bearer-token security: no session, no CSRF (nothing a browser sends by itself authenticates), the
	 * open paths, then {@code rules}, then a valid JWT for everything else; 401 and 403 as problem+json. The gateway
	 * applies it to the requests of API clients, which carry their own token.
	 */
	public static HttpSecurity bearerTokens(HttpSecurity http, List<AccessRules> rules) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Environment environment = context.getEnvironment();
		IdentitySettings settings = context.getBeanProvider(IdentitySettings.class)
			.getIfAvailable(() -> IdentitySettings.from(environment));
		ClaimNames claims = settings.claims();
		IdentityClaims identity = IdentityClaims.from(settings, environment);
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPEN).permitAll();
				// what the service does and how much, by whom: for admins (and the scrapers they give a token)
				requests.requestMatchers("/actuator/prometheus", "/actuator/prometheus/**").hasRole("ADMIN");
				rules.forEach((rule) -> rule.configure(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(rolesConverter(claims, identity)))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
	}

	/**
	 * Reads the roles, region and department from the claims {@code names} gives (see {@link ClaimNames}), then maps
	 * the roles to {@code ROLE_*} authorities; the authentication's principal carries them under the standard names.
	 */
	public static Converter<Jwt, AbstractAuthenticationToken> rolesConverter(ClaimNames names) {
		JwtAuthenticationConverter standard = rolesConverter();
		return names.standard() ? standard : (jwt) -> standard.convert(names.normalise(jwt));
	}

	/**
	 * {@link #rolesConverter(ClaimNames)} after {@code identity} has checked the claims: a token with a missing or
	 * unknown region or department, or from another issuer or for another audience, is refused (401).
	 */
	public static Converter<Jwt, AbstractAuthenticationToken> rolesConverter(ClaimNames names, IdentityClaims identity) {
		JwtAuthenticationConverter roles = rolesConverter();
		return (jwt) -> {
			Jwt normalised = names.normalise(jwt);
			identity.check(normalised);
			return roles.convert(normalised);
		};
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
