package com.chairside.platform.inbox;

/**
 * A message no retry can fix (not a CloudEvent, not JSON, not the expected shape). The binder is configured not to
 * retry it, so it goes straight to the dead-letter topic and the partition moves on.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message) {
		super(message);
	}

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
