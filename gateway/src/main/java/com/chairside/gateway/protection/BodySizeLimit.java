package com.chairside.gateway.protection;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
			ProblemDetail problem = tooLarge(cap);
			Problems.write(response, problem.getStatus(), problem.getTitle(), problem.getDetail());
			return;
		}
		chain.doFilter(request, response);
	}

	/** The answer to a body above {@code cap}, also for one found too large only once read (sent without a length). */
	public static ProblemDetail tooLarge(DataSize cap) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"Request bodies here are limited to " + cap.toKilobytes() + " KB");
		problem.setTitle("Payload too large");
		return problem;
	}

}
