package com.chairside.platform.trace;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Continues the caller's W3C trace (or starts one) for each request, so that one trace id runs from the gateway
 * through every service and into the events they publish. The request seen downstream carries the new
 * {@code traceparent}, which is how the gateway passes it on when it proxies.
 */
public class TraceContextFilter extends OncePerRequestFilter {

	public static final String TRACEPARENT = "traceparent";

	public static final String CORRELATION_ID = "X-Correlation-Id";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String traceparent = TraceContext.newTraceparent(request.getHeader(TRACEPARENT));
		String correlationId = request.getHeader(CORRELATION_ID);
		if (correlationId == null || correlationId.isBlank() || correlationId.length() > 100) {
			correlationId = UUID.randomUUID().toString();
		}
		TraceContext.open(new TraceContext(traceparent, correlationId, null));
		response.setHeader(TRACEPARENT, traceparent);
		response.setHeader(CORRELATION_ID, correlationId);
		try {
			chain.doFilter(new Propagating(request, traceparent, correlationId), response);
		}
		finally {
			TraceContext.close();
		}
	}

	/** The request as later filters and a proxying gateway see it: with this span's trace headers. */
	private static final class Propagating extends HttpServletRequestWrapper {

		private final String traceparent;

		private final String correlationId;

		Propagating(HttpServletRequest request, String traceparent, String correlationId) {
			super(request);
			this.traceparent = traceparent;
			this.correlationId = correlationId;
		}

		@Override
		public String getHeader(String name) {
			if (TRACEPARENT.equalsIgnoreCase(name)) {
				return this.traceparent;
			}
			if (CORRELATION_ID.equalsIgnoreCase(name)) {
				return this.correlationId;
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (TRACEPARENT.equalsIgnoreCase(name) || CORRELATION_ID.equalsIgnoreCase(name)) {
				return Collections.enumeration(Set.of(getHeader(name)));
			}
			return super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			Set<String> names = new LinkedHashSet<>();
			for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
				String name = e.nextElement();
				if (!TRACEPARENT.equalsIgnoreCase(name) && !CORRELATION_ID.equalsIgnoreCase(name)) {
					names.add(name);
				}
			}
			names.add(TRACEPARENT);
			names.add(CORRELATION_ID);
			return Collections.enumeration(names);
		}

	}

}
