package com.chairside.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Two filter chains: the provider's protocol endpoints (discovery, authorize, token, JWK set, user info, logout), and
 * the sign-in page for people. The console's client is registered in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

	static final String SIGN_IN = "/login";

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer provider = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(provider.getEndpointsMatcher())
			.with(provider, (server) -> server.oidc(Customizer.withDefaults())
				.authorizationEndpoint((authorize) -> authorize.authorizationResponseHandler(codeThenForget())))
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
	 * Sends the authorization code to the client, then ends the person's session here: the provider keeps no sign-in
	 * of its own, so that signing out of the console is complete and the next sign-in asks for the password again.
	 */
	private static AuthenticationSuccessHandler codeThenForget() {
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			OAuth2AuthorizationCodeRequestAuthenticationToken authorization = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
			UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(authorization.getRedirectUri())
				.queryParam(OAuth2ParameterNames.CODE, authorization.getAuthorizationCode().getTokenValue());
			if (StringUtils.hasText(authorization.getState())) {
				uri.queryParam(OAuth2ParameterNames.STATE,
						UriUtils.encode(authorization.getState(), StandardCharsets.UTF_8));
			}
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			redirects.sendRedirect(request, response, uri.build(true).toUriString());
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
