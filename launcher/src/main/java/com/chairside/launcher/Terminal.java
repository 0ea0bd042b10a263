package com.chairside.launcher;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code bin/chairside}'s output: a line per event, and progress dots (one every two seconds) continuing the line of
 * the part being waited for.
 */
final class Terminal implements Progress {

	private static final long DOT_EVERY = Duration.ofSeconds(2).toNanos();

	private final PrintStream out;

	private final PrintStream err;

	/** True while the current line is unfinished ("starting x...", dots). */
	private boolean open;

	private long lastDot = System.nanoTime();

	Terminal(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** A line of its own, ending any line of dots first. */
	void say(String line) {
		close(this.out);
		this.out.println(line);
		this.out.flush();
	}

	/** A line on standard error, ending any line of dots first. */
	void complain(String line) {
		close(this.err);
		this.err.println(line);
		this.err.flush();
	}

	/** Starts a line that progress dots may continue. */
	private void sayOpen(String text) {
		close(this.out);
		this.out.print(text);
		this.out.flush();
		this.open = true;
		this.lastDot = System.nanoTime();
	}

	private void close(PrintStream stream) {
		if (this.open) {
			stream.println();
			this.open = false;
		}
	}

	@Override
	public void starting(Part part) {
		sayOpen("starting " + part.name() + "...");
	}

	@Override
	public void alreadyUp(Part part) {
		say(part.name() + " already up");
	}

	@Override
	public void stillStarting(Part part, long pid) {
		say(part.name() + " is starting (pid " + pid + ")...");
	}

	@Override
	public void waiting() {
		if (System.nanoTime() - this.lastDot >= DOT_EVERY) {
			this.out.print('.');
			this.out.flush();
			this.open = true;
			this.lastDot = System.nanoTime();
		}
	}

	@Override
	public void up(Part part, Duration took) {
		say(part.name() + " up (" + took.toSeconds() + "s)");
	}

	@Override
	public void stopped(Part part, long pid) {
		say("stopped " + part.name() + " (pid " + pid + ")");
	}

	@Override
	public void killed(Part part, long pid, Duration grace) {
		say("killed " + part.name() + " (pid " + pid + "): it did not stop within " + grace.toSeconds() + "s");
	}

}
