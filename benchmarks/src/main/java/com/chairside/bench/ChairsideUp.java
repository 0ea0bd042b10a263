package com.chairside.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.chairside.launcher.Catalogue;

/** Times {@code bin/chairside up} from nothing running to every part ready, in a state folder of its own. */
final class ChairsideUp {

	private ChairsideUp() {
	}

	/** Seconds, or a sentence saying why there is no figure. */
	static Object time(Path root) {
		// The ports bin/chairside binds: if one is taken, someone runs the suite here and the timing is skipped.
		for (int port : Catalogue.of(root, root.resolve(".chairside")).ports().values()) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return "not measured: port " + port + " is in use (bin/chairside up is running here already?)";
			}
			catch (IOException ex) {
				// free: as it should be
			}
		}
		Path home = null;
		try {
			home = Files.createTempDirectory("chairside-up");
			long started = System.nanoTime();
			int status = run(root, home, "up");
			double seconds = Result.round((System.nanoTime() - started) / 1e9);
			run(root, home, "down");
			return (status == 0) ? (Object) seconds : "bin/chairside up failed (exit " + status + "); see " + home;
		}
		catch (IOException ex) {
			return "not measured: " + ex.getMessage();
		}
	}

	private static int run(Path root, Path home, String command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/chairside").toString(), command)
			.redirectErrorStream(true)
			.redirectOutput(home.resolve(command + ".log").toFile());
		builder.environment().put("CHAIRSIDE_HOME", home.toString());
		builder.environment().put("CHAIRSIDE_SKIP_BUILD", "1");
		Process process = builder.start();
		try {
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
