package com.chairside.launcher;

import java.nio.file.Path;

/** A part could not be started, or did not become ready: why, and the log that may say more. */
public final class PartFailure extends RuntimeException {

	private final String reason;

	private final transient Path log;

	PartFailure(String reason, Path log, String tail) {
		super(reason + ((log != null) ? "; its log, " + log + ", ends with:\n" + tail : ""));
		this.reason = reason;
		this.log = log;
	}

	PartFailure(String reason) {
		this(reason, null, null);
	}

	/** Why, in one sentence, without the log. */
	public String reason() {
		return this.reason;
	}

	/** The part's log, or null when the failure came before the part had one. */
	public Path log() {
		return this.log;
	}

}
