package com.chairside.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for processes started by the system tests and the benchmarks, so they never collide with a devstack
 * running on the default ones.
 * <p>
 * Taken below the kernel's ephemeral range on purpose: a port the OS hands out for {@code new ServerSocket(0)} lies in
 * that range, and a service binds it only after a start-up of up to a minute, meanwhile the suite's hundreds of client
 * connections (Kafka, MongoDB, HTTP) take their local ports from the same range, and one of them may take this one
 * (a service then died with "Port … was already in use" in a build while other builds ran). Each port is handed out
 * once per run.
 */
public final class FreePorts {

	private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int next() {
		int below = ephemeralRangeStart();
		int from = Math.max(10_000, below - 12_000);
		for (int attempt = 0; attempt < 1_000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(from, below);
			if (GIVEN.add(port) && bindable(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port between " + from + " and " + below);
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The first port of the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range; 32768 otherwise). */
	private static int ephemeralRangeStart() {
		try {
			String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
			int start = Integer.parseInt(range.split("\\s+")[0]);
			return (start > 12_000) ? start : 32_768;
		}
		catch (IOException | RuntimeException ex) {
			return 32_768;
		}
	}

}
