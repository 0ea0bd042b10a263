package com.chairside.launcher;

import java.time.Duration;

/** What a supervisor tells while it starts and stops parts: {@code bin/chairside} prints it; tests need none of it. */
public interface Progress {

	/** Says nothing. */
	Progress SILENT = new Progress() {
	};

	/** A process for {@code part} is being launched. */
	default void starting(Part part) {
	}

	/** {@code part} runs and answers already: nothing to start. */
	default void alreadyUp(Part part) {
	}

	/** {@code part} runs (as {@code pid}) but does not answer yet: it is waited for. */
	default void stillStarting(Part part, long pid) {
	}

	/** Still waiting for a part to answer (about four times a second). */
	default void waiting() {
	}

	/** {@code part} answers, {@code took} after its launch. */
	default void up(Part part, Duration took) {
	}

	/** {@code part} ({@code pid}) stopped when asked. */
	default void stopped(Part part, long pid) {
	}

	/** {@code part} ({@code pid}) did not stop within {@code grace} and was killed. */
	default void killed(Part part, long pid, Duration grace) {
	}

}
