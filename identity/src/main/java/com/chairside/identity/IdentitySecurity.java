package com.chairside.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains: the provider's protocol endpoints (discovery, authorize, token, JWK set, user info, logout), and
 * the sign-in page for people. A person signed in here stays so (the provider's session, as with any provider) until
 * the console signs them out through the logout endpoint or the session times out. The console's client is
 * registered in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

	static final String SIGN_IN = "/login";

	/** Session attribute: the person has just signed out (the sign-in page says so once). */
	static final String SIGNED_OUT = "chairside.signedOut";

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer provider = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(provider.getEndpointsMatcher())
			// The person stays signed in here until the console signs them out (RP-initiated logout).
			.with(provider, (server) -> server.oidc((oidc) -> oidc.logoutEndpoint((logout) -> logout
				.logoutResponseHandler(signedOutThenBack())
				.errorResponseHandler(signedOutUnlessSignedIn()))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// A browser that is not signed in is sent to the sign-in page, and back to the authorization afterwards.
			.exceptionHandling((handling) -> handling.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(SIGN_IN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http, IdentityProperties properties) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(SIGN_IN, "/.well-known/jwks.json", "/actuator/health", "/actuator/health/**", "/error",
					"/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated())
			// Someone who opened the sign-in page by itself goes on to the console, which signs them in from here.
			.formLogin((form) -> form.loginPage(SIGN_IN)
				.failureUrl(SIGN_IN + "?error")
				.defaultSuccessUrl(properties.consoleUrl() + "/"));
		return http.build();
	}

	/**
	 * Ends the session here and sends the person back to the console, remembering in a new session that they signed
	 * out, which the sign-in page they are shown next says.
	 */
	private static AuthenticationSuccessHandler signedOutThenBack() {
		SecurityContextLogoutHandler local = new SecurityContextLogoutHandler();
		OidcLogoutAuthenticationSuccessHandler back = new OidcLogoutAuthenticationSuccessHandler();
		back.setLogoutHandler((request, response, authentication) -> {
			OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
			if (logout.isPrincipalAuthenticated()) {
				local.logout(request, response, (Authentication) logout.getPrincipal());
			}
			request.getSession().setAttribute(SIGNED_OUT, Boolean.TRUE);
		});
		return back;
	}

	/**
	 * A sign-out the provider cannot check (its ID token unknown here, as after a restart, which also ended every
	 * session) leaves nobody signed in here: the sign-in page says so. With a session here it is refused, as the
	 * protocol says, and the session stays.
	 */
	private static AuthenticationFailureHandler signedOutUnlessSignedIn() {
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (request.getSession(false) == null) {
				redirects.sendRedirect(request, response, SIGN_IN + "?logout");
				return;
			}
			String error = (ex instanceof OAuth2AuthenticationException refused) ? refused.getError().toString()
					: ex.getMessage();
			response.sendError(HttpStatus.BAD_REQUEST.value(), error);
		};
	}

	@Bean
	DevUsers devUsers(IdentityProperties properties) {
		return DevUsers.from(properties.usersFile());
	}

	@Bean
	RSAKey signingKey(IdentityProperties properties) {
		return SigningKey.in(properties.keyFile());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
		return new ImmutableJWKSet<>(new JWKSet(signingKey));
	}

	/**
	 * The claims the services read, from the users file: {@code roles} (an array), {@code region} and
	 * {@code department} on access and ID tokens; access tokens are for the audience {@code chairside}.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> chairsideClaims(DevUsers users, IdentityProperties properties) {
		return (context) -> {
			boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
			boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
			if (!access && !id) {
				return;
			}
			users.find(context.getPrincipal().getName()).ifPresent((person) -> context.getClaims().claims((claims) -> {
				claims.put("roles", person.roles());
				if (person.region() != null) {
					claims.put("region", person.region());
				}
				if (person.department() != null) {
					claims.put("department", person.department());
				}
			}));
			if (access) {
				context.getClaims().audience(List.of(properties.audience()));
			}
		};
	}

}
