package com.chairside.gateway.protection;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Limits the API calls of each user (the token's subject) with a token bucket: {@code burst} calls at once, refilled
 * at {@code perSecond}. Expensive reads (the sales-meeting pack as PDF or CSV, order forms, rebuild starts) draw on a
 * second, smaller bucket of their own ({@code expensivePerSecond}, {@code expensiveBurst}), and no user has more than
 * {@code maxInFlight} calls in flight at once (slow calls would otherwise hold the threads whatever the rate). A user
 * over a limit gets 429 problem+json with {@code Retry-After}; others are unaffected. The buckets live in this gateway
 * process: with several gateway replicas each allows the rate on its own.
 */
public class RateLimits extends OncePerRequestFilter {

	/** Order forms (PDF) and rebuild starts: each draws on the user's expensive bucket too. */
	private static final java.util.regex.Pattern EXPENSIVE = java.util.regex.Pattern
		.compile("/api/orders/[^/]+/form|/api/reports/rebuild");

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, Bucket> expensiveBuckets = new ConcurrentHashMap<>();

	private final Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Settings settings;

	private final MeterRegistry meters;

	public RateLimits(Settings settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !user.isAuthenticated() || !request.getRequestURI().startsWith("/api/")) {
			chain.doFilter(request, response);
			return;
		}
		Bucket bucket = this.buckets.computeIfAbsent(user.getName(),
				(name) -> new Bucket(this.settings.perSecond(), this.settings.burst()));
		long waitNanos = bucket.take(System.nanoTime());
		if (waitNanos > 0) {
			refuse(response, waitNanos, "More than " + this.settings.perSecond() + " calls per second");
			return;
		}
		if (expensive(request)) {
			Bucket expensive = this.expensiveBuckets.computeIfAbsent(user.getName(),
					(name) -> new Bucket(this.settings.expensivePerSecond(), this.settings.expensiveBurst()));
			long expensiveWait = expensive.take(System.nanoTime());
			if (expensiveWait > 0) {
				refuse(response, expensiveWait, "More than " + this.settings.expensivePerSecond()
						+ " packs, forms or rebuilds per second");
				return;
			}
		}
		java.util.concurrent.atomic.AtomicInteger running = this.inFlight.computeIfAbsent(user.getName(),
				(name) -> new java.util.concurrent.atomic.AtomicInteger());
		if (running.incrementAndGet() > this.settings.maxInFlight()) {
			running.decrementAndGet();
			refuse(response, 1_000_000_000L, "More than " + this.settings.maxInFlight() + " calls in flight at once");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			running.decrementAndGet();
		}
	}

	/**
	 * Whether the call renders a document or starts a rebuild: an order form, a rebuild start, or the sales-meeting
	 * pack as PDF or CSV (its JSON, which the console and scripts poll, is an ordinary read).
	 */
	static boolean expensive(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/api/reports/sales-meeting")) {
			String accept = String.valueOf(request.getHeader("Accept"));
			return accept.contains("application/pdf") || accept.contains("text/csv");
		}
		if (path.equals("/api/reports/rebuild")) {
			return "POST".equals(request.getMethod());
		}
		return EXPENSIVE.matcher(path).matches();
	}

	private void refuse(HttpServletResponse response, long waitNanos, String why) throws IOException {
		this.meters.counter("chairside.gateway.rate_limited").increment();
		long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
		Problems.write(response, 429, "Too many requests", why + "; retry after " + seconds + " s");
		response.setHeader("Retry-After", Long.toString(seconds));
	}

	/**
	 * @param perSecond calls a user may make per second, sustained
	 * @param burst calls a user may make at once
	 * @param expensivePerSecond expensive reads (packs, order forms, rebuilds) a user may make per second, sustained
	 * @param expensiveBurst expensive reads a user may make at once
	 * @param maxInFlight calls of one user the gateway works on at once
	 */
	@ConfigurationProperties("chairside.gateway.rate-limit")
	public record Settings(@DefaultValue("100") double perSecond, @DefaultValue("200") int burst,
			@DefaultValue("0.5") double expensivePerSecond, @DefaultValue("5") int expensiveBurst,
			@DefaultValue("20") int maxInFlight) {
	}

	/** A token bucket; {@link #take} answers 0 when a call may go, or how long until one may. */
	static final class Bucket {

		private final double perNano;

		private final int burst;

		private double tokens;

		private long updated;

		Bucket(double perSecond, int burst) {
			this.perNano = perSecond / 1_000_000_000d;
			this.burst = burst;
			this.tokens = burst;
			this.updated = System.nanoTime();
		}

		synchronized long take(long now) {
			this.tokens = Math.min(this.burst, this.tokens + (now - this.updated) * this.perNano);
			this.updated = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / this.perNano);
		}

	}

}
