package com.chairside.gateway.protection;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the cap with 413 before anything is forwarded. CSV lead imports may be larger and
 * have their own cap: they stream through to lead-service, which never holds them whole.
 */
public class BodySizeLimit extends OncePerRequestFilter {

	private final DataSize maximum;

	private final DataSize importMaximum;

	public BodySizeLimit(DataSize maximum, DataSize importMaximum) {
		this.maximum = maximum;
		this.importMaximum = importMaximum;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DataSize cap = request.getRequestURI().startsWith("/api/leads/imports") ? this.importMaximum : this.maximum;
		long length = request.getContentLengthLong();
		if (length > cap.toBytes()) {
			Problems.write(response, 413, "Payload too large", "Request bodies here are limited to " + cap.toKilobytes() + " KB");
			return;
		}
		chain.doFilter(request, response);
	}

}
