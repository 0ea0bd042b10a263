package com.chairside.gateway.signin;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.chairside.platform.security.ProblemSecurityHandlers;

/**
 * Puts a signed-in person's access token on the API request forwarded to the services, refreshed first when it is
 * about to run out, so that the services see a bearer token as from any API client and the browser never holds one.
 * The session cookie and the CSRF header stay at the gateway. A session whose token cannot be refreshed is ended:
 * 401, and the console signs the person in again.
 */
public class SessionTokenRelay extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionTokenRelay.class);

	/** What the browser sends for the gateway only; the services never see it. */
	private static final Set<String> GATEWAY_ONLY = Set.of("cookie", "x-xsrf-token");

	private final OAuth2AuthorizedClientManager clients;

	private final ProblemSecurityHandlers problems = new ProblemSecurityHandlers();

	public SessionTokenRelay(OAuth2AuthorizedClientManager clients) {
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (!(user instanceof OAuth2AuthenticationToken signedIn)) {
			chain.doFilter(request, response);
			return;
		}
		OAuth2AuthorizedClient client;
		try {
			client = this.clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(
					signedIn.getAuthorizedClientRegistrationId())
				.principal(signedIn)
				.attribute(HttpServletRequest.class.getName(), request)
				.attribute(HttpServletResponse.class.getName(), response)
				.build());
		}
		catch (OAuth2AuthorizationException ex) {
			log.info("The session's token could not be refreshed: {}", ex.getError().getErrorCode());
			client = null;
		}
		if (client == null || client.getAccessToken() == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			this.problems.commence(request, response,
					new InsufficientAuthenticationException("The session's token could not be refreshed"));
			return;
		}
		chain.doFilter(new WithBearerToken(request, client.getAccessToken().getTokenValue()), response);
	}

	/** The request as the services get it: the session's token as a bearer token, no cookies, no CSRF header. */
	private static final class WithBearerToken extends HttpServletRequestWrapper {

		private final String authorization;

		WithBearerToken(HttpServletRequest request, String token) {
			super(request);
			this.authorization = "Bearer " + token;
		}

		@Override
		public String getHeader(String name) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
				return this.authorization;
			}
			return GATEWAY_ONLY.contains(name.toLowerCase()) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
				return Collections.enumeration(Set.of(this.authorization));
			}
			return GATEWAY_ONLY.contains(name.toLowerCase()) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			Set<String> names = new LinkedHashSet<>();
			for (String name : Collections.list(super.getHeaderNames())) {
				if (!GATEWAY_ONLY.contains(name.toLowerCase())) {
					names.add(name);
				}
			}
			names.add(HttpHeaders.AUTHORIZATION);
			return Collections.enumeration(names);
		}

	}

}
