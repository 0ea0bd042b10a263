package com.chairside.gateway.signin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.chairside.platform.security.ProblemSecurityHandlers;
import com.chairside.platform.security.SecurityConfiguration;

/**
 * Two kinds of caller. API clients send {@code Authorization: Bearer}: their token is checked as in every service,
 * statelessly, as before. People use the console: the gateway signs them in with the identity provider as the
 * console's backend (authorization code with PKCE), keeps their tokens in the HttpOnly session, checks a CSRF token
 * on every state-changing request (cookie {@code XSRF-TOKEN} read by the console's script and sent back as the header
 * {@code X-XSRF-TOKEN}), and relays the session's access token to the services ({@link SessionTokenRelay}). Without
 * either, {@code /api/**} answers 401 problem+json and a page is redirected to sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProvider.class)
class SignInSecurity {

	static final String SIGN_IN = "/oauth2/authorization/" + IdentityProvider.REGISTRATION;

	private static final RequestMatcher BEARER = (request) -> {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	};

	private static final RequestMatcher API = (request) -> request.getRequestURI().startsWith("/api/");

	/**
	 * The API and event documentation with the files of its Swagger UI: open to everyone, like each service's
	 * {@code /v3/api-docs}. They describe the contract, not the data; trying an operation out still needs a token
	 * or a session.
	 */
	private static final String[] DOCS = { "/docs/api", "/docs/api/**", "/docs/events", "/webjars/swagger-ui/**" };

	@Bean
	@Order(1)
	SecurityFilterChain apiClients(HttpSecurity http) throws Exception {
		return SecurityConfiguration
			.bearerTokens(http.securityMatcher(BEARER), List.of((requests) -> requests.requestMatchers(DOCS).permitAll()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain people(HttpSecurity http, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, JsonMapper json,
			@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> (API.matches(request) ? problems : signIn)
			.commence(request, response, ex);
		// Only pages are worth returning to after sign-in; an API call that found no session is not.
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && !API.matches(request));
		// Back to the page as it was asked for (no "?continue" marker on the console's address).
		pages.setMatchingRequestParameterName(null);
		DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2/authorization");
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		// Signing out ends the provider's session too (RP-initiated logout), else the next visit would sign the person
		// straight back in; the provider then sends them back here, to sign in again.
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/");
		signedOut.setRedirectStrategy(new ScriptRedirects(json));
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(SecurityConfiguration.OPEN)
			.permitAll()
			.requestMatchers(DOCS)
			.permitAll()
			.anyRequest()
			.authenticated())
			.csrf((csrf) -> csrf.spa())
			.addFilterAfter(new CsrfCookie(), CsrfFilter.class)
			.requestCache((cache) -> cache.requestCache(pages))
			.oauth2Login((login) -> login.loginPage(SIGN_IN)
				.authorizationEndpoint((authorization) -> authorization.authorizationRequestResolver(pkce))
				.authorizedClientRepository(authorizedClients)
				.failureHandler((request, response, ex) -> problems.commence(request, response,
						new InsufficientAuthenticationException("Sign-in failed: " + ex.getMessage()))))
			.oauth2Client((client) -> client.authorizedClientRepository(authorizedClients))
			.logout((logout) -> logout.logoutSuccessHandler(signedOut).deleteCookies(sessionCookie))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(csrfOrRole(problems, entryPoint)));
		return http.build();
	}

	/**
	 * A refused state-changing request from nobody signed in is a 401 like any other; from a signed-in person, 403
	 * (a missing or wrong CSRF token, since roles are the services' to check).
	 */
	private static AccessDeniedHandler csrfOrRole(ProblemSecurityHandlers problems, AuthenticationEntryPoint entryPoint) {
		return (request, response, ex) -> {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (user == null || !user.isAuthenticated()) {
				entryPoint.commence(request, response, new InsufficientAuthenticationException(ex.getMessage()));
				return;
			}
			problems.handle(request, response, new AccessDeniedException(ex.getMessage()));
		};
	}

	@Bean
	ClientRegistrationRepository clientRegistrations(IdentityProvider provider) {
		return new DiscoveredClientRegistrations(provider);
	}

	/** A person's tokens live in their session, and go with it when they sign out. */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * Tokens refreshed as they run out. A refresh that brings a new ID token replaces the person's in the session
	 * (the event is what Spring Security's login listens to): signing out names the provider's current ID token,
	 * since the provider no longer knows the one it issued first.
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, ApplicationEventPublisher events) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.eventPublisher(events))
			.build());
		return manager;
	}

	/** After the security filter chain (order -100): the person is known. */
	@Bean
	FilterRegistrationBean<SessionTokenRelay> sessionTokenRelay(OAuth2AuthorizedClientManager clients) {
		FilterRegistrationBean<SessionTokenRelay> registration = new FilterRegistrationBean<>(
				new SessionTokenRelay(clients));
		registration.setOrder(1);
		return registration;
	}

	/**
	 * A redirect that the console's script asked for ({@code Accept: application/json}, as its sign-out does) is
	 * answered {@code 200 {"location": "..."}} for the script to follow: a script's fetch cannot read a redirect, and
	 * the provider's sign-out has to be a page the browser opens. A form posted by a page is redirected as usual.
	 */
	static final class ScriptRedirects implements RedirectStrategy {

		private final RedirectStrategy pages = new DefaultRedirectStrategy();

		private final JsonMapper json;

		ScriptRedirects(JsonMapper json) {
			this.json = json;
		}

		@Override
		public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
				throws IOException {
			if (!fromScript(request)) {
				this.pages.sendRedirect(request, response, url);
				return;
			}
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.getWriter().write(this.json.writeValueAsString(Map.of("location", url)));
		}

		private static boolean fromScript(HttpServletRequest request) {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			if (accept == null) {
				return false;
			}
			List<MediaType> accepted = MediaType.parseMediaTypes(accept);
			return accepted.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
					&& accepted.stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
		}

	}

	/**
	 * Loads the CSRF token on every request, which writes the {@code XSRF-TOKEN} cookie the console's script reads
	 * (Spring Security defers loading it until something asks).
	 */
	static final class CsrfCookie extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
