package com.chairside.platform.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.ProblemHandlers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Appends one {@link AuditRecord} per write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api/}) and per refused request (401, 403), whatever answered it. It wraps the security filter chain, so that
 * it sees the answers Spring Security gives before any controller runs; the signed-in user is read afterwards from the
 * request attribute the bearer-token filter leaves. A trail that cannot be written never fails the request: it is
 * logged and counted ({@code chairside.audit.failures}); when the request was refused because the store is away, the
 * entry is not tried, so that the 503 is not held for another wait on the same store.
 */
public class AuditFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final AuditTrail trail;

	private final RouteTemplates routes;

	private final Clock clock;

	private final Counter failures;

	public AuditFilter(AuditTrail trail, RouteTemplates routes, Clock clock, MeterRegistry meters) {
		this.trail = trail;
		this.routes = routes;
		this.clock = clock;
		this.failures = Counter.builder("chairside.audit.failures")
			.description("Audit entries that could not be written")
			.register(meters);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			boolean write = WRITES.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/");
			if (write || AuditRecord.Outcome.of(status) == AuditRecord.Outcome.DENIED) {
				append(request, response, status);
			}
		}
	}

	private void append(HttpServletRequest request, HttpServletResponse response, int status) {
		if (request.getAttribute(ProblemHandlers.STORE_UNAVAILABLE) != null) {
			this.failures.increment();
			log.warn("Audit entry for {} {} ({}) not written: the store is away", request.getMethod(),
					this.routes.templateOrPrefix(request), status);
			return;
		}
		try {
			RouteTemplates.Route route = this.routes.of(request, response);
			Jwt jwt = signedIn(request);
			CurrentUser user = (jwt != null) ? CurrentUser.from(jwt) : null;
			AuditRecord entry = new AuditRecord(UUID.randomUUID().toString(), this.clock.instant(),
					(user != null && user.id() != null) ? user.id() : "anonymous",
					(user != null) ? user.roles().stream().sorted().toList() : List.of(), request.getMethod(),
					route.template(), route.recordId(), status, AuditRecord.Outcome.of(status), traceId());
			this.trail.append(entry);
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			// The exception's message only: a driver's message names the server, never the request's content.
			log.error("Audit entry for {} {} ({}) not written: {}", request.getMethod(),
					this.routes.templateOrPrefix(request), status, ex.toString());
		}
	}

	private static Jwt signedIn(HttpServletRequest request) {
		Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
		if (context instanceof SecurityContext security && security.getAuthentication() != null
				&& security.getAuthentication().getPrincipal() instanceof Jwt jwt) {
			return jwt;
		}
		return null;
	}

	/** The request's trace id, as its log lines carry it (Micrometer Tracing keeps it in the logging MDC). */
	private static String traceId() {
		return MDC.get("traceId");
	}

}
