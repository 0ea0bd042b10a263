package com.chairside.platform.web;

import org.springframework.http.HttpStatus;

/** A problem+json body written by hand where no message converter runs (the container, servlet filters). */
final class ProblemJson {

	static final String CONTENT_TYPE = "application/problem+json";

	private ProblemJson() {
	}

	/** The detail is one of ours, never text from the request, so it needs no escaping. */
	static String of(int status, String detail) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ ((detail != null) ? detail : title) + "\"}";
	}

	/** What the container says about a request it refused itself. */
	static String refused(int status) {
		return of(status, (status == 400) ? "The request's URL or headers are not acceptable" : null);
	}

}
