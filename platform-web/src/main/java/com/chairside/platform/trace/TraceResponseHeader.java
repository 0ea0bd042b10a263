package com.chairside.platform.trace;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Tells the caller which trace its request joined: the response carries the W3C {@code traceparent} of the request's
 * server span, which Spring Boot's observation filter (ahead of this one) opened, continuing the caller's trace or
 * starting one. With it a person or a test finds the request in the trace viewer, from the gateway through every
 * service, the outbox and Kafka.
 */
public class TraceResponseHeader extends OncePerRequestFilter {

	public static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceResponseHeader(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			this.propagator.inject(span.context(), response, (carrier, name, value) -> {
				if (TRACEPARENT.equals(name)) {
					carrier.setHeader(name, value);
				}
			});
		}
		chain.doFilter(request, response);
	}

}
