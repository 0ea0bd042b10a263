package com.chairside.testsupport.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One request built to be refused: {@code path} is already percent-encoded (some cases carry deliberately broken
 * encodings), {@code body} the exact bytes sent, or {@code null} for none. {@code honestPath}, for a read carrying an
 * operator, is the same read without it: the hostile read may list no more records than that one does.
 */
public record HostileCase(String operation, String what, String method, String path, String contentType, byte[] body,
		Expectation expectation, String honestPath) {

	public HostileCase(String operation, String what, String method, String path, String contentType, byte[] body,
			Expectation expectation) {
		this(operation, what, method, path, contentType, body, expectation, null);
	}

	/** What a well-behaved service answers. */
	public enum Expectation {

		/** A 4xx problem+json. */
		REFUSED,

		/**
		 * A 4xx problem+json or a 2xx that changes nothing: free text in a filter of a read (an owner named
		 * {@code ' OR 1=1 --} is matched literally, and simply not found). With an {@code honestPath}, the 2xx also
		 * lists no more records than the honest read.
		 */
		HARMLESS

	}

	@Override
	public String toString() {
		String shown = (this.body == null) ? "" : " body " + preview(this.body);
		return this.operation + " [" + this.what + "] " + this.method + " " + preview(this.path) + shown;
	}

	private static String preview(byte[] body) {
		return preview(new String(body, StandardCharsets.UTF_8));
	}

	private static String preview(String text) {
		return (text.length() <= 160) ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
	}

}
