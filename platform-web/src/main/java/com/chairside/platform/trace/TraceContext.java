package com.chairside.platform.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.MDC;

/**
 * What the current unit of work (an HTTP request, a consumed event) carries into the events it raises and into its
 * log lines: a W3C {@code traceparent}, the correlation id of the whole conversation and the id of the event that
 * caused it.
 */
public record TraceContext(String traceparent, String correlationId, String causationId) {

	private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The context of this thread's work, or a fresh one for work that started on its own (a schedule). */
	public static TraceContext current() {
		TraceContext context = CURRENT.get();
		return (context != null) ? context : new TraceContext(newTraceparent(null), UUID.randomUUID().toString(), null);
	}

	/** Makes this context current and puts its trace and span ids in the logging MDC. */
	public static void open(TraceContext context) {
		CURRENT.set(context);
		String[] parts = context.traceparent().split("-");
		MDC.put("traceId", parts[1]);
		MDC.put("spanId", parts[2]);
		MDC.put("correlationId", context.correlationId());
	}

	public static void close() {
		CURRENT.remove();
		MDC.remove("traceId");
		MDC.remove("spanId");
		MDC.remove("correlationId");
	}

	/**
	 * A new span in the trace of {@code parent} (a {@code traceparent} header value), or a new trace when there is no
	 * well-formed parent.
	 */
	public static String newTraceparent(String parent) {
		String traceId = null;
		if (parent != null) {
			String[] parts = parent.trim().split("-");
			if (parts.length == 4 && parts[1].length() == 32 && parts[1].matches("[0-9a-f]{32}")) {
				traceId = parts[1];
			}
		}
		if (traceId == null) {
			traceId = hex(16);
		}
		return "00-" + traceId + "-" + hex(8) + "-01";
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
