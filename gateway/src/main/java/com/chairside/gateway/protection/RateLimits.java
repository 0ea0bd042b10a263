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
 * at {@code perSecond}. A user over the limit gets 429 problem+json with {@code Retry-After}; others are unaffected.
 * The buckets live in this gateway process: with several gateway replicas each allows the rate on its own.
 */
public class RateLimits extends OncePerRequestFilter {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
		Bucket bucket = this.buckets.computeIfAbsent(user.getName(), (name) -> new Bucket(this.settings));
		long waitNanos = bucket.take(System.nanoTime());
		if (waitNanos > 0) {
			this.meters.counter("chairside.gateway.rate_limited").increment();
			long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
			Problems.write(response, 429, "Too many requests",
					"More than " + this.settings.perSecond() + " calls per second; retry after " + seconds + " s");
			response.setHeader("Retry-After", Long.toString(seconds));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * @param perSecond calls a user may make per second, sustained
	 * @param burst calls a user may make at once
	 */
	@ConfigurationProperties("chairside.gateway.rate-limit")
	public record Settings(@DefaultValue("100") double perSecond, @DefaultValue("200") int burst) {
	}

	/** A token bucket; {@link #take} answers 0 when a call may go, or how long until one may. */
	static final class Bucket {

		private final double perNano;

		private final int burst;

		private double tokens;

		private long updated;

		Bucket(Settings settings) {
			this.perNano = settings.perSecond() / 1_000_000_000d;
			this.burst = settings.burst();
			this.tokens = settings.burst();
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
