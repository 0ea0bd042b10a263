package com.chairside.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Disk use as {@code du -sh} shows it: whole 4 KiB blocks, then 4.0K, 12K, 1.5M, 230M, 1.2G. */
final class Sizes {

	private static final long BLOCK = 4096;

	private Sizes() {
	}

	/** The blocks a file or folder takes, in bytes. */
	static long onDisk(Path path) throws IOException {
		try (Stream<Path> paths = Files.walk(path)) {
			long total = 0;
			for (Path each : paths.toList()) {
				long size = Files.isRegularFile(each) ? Files.size(each) : BLOCK;
				total += Math.max(BLOCK, (size + BLOCK - 1) / BLOCK * BLOCK);
			}
			return total;
		}
	}

	/** Rounded up, as du rounds: one decimal below 10 of a unit, none above. */
	static String human(long bytes) {
		double value = bytes / 1024.0;
		String[] units = { "K", "M", "G", "T" };
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		double tenths = Math.ceil(value * 10) / 10;
		if (tenths < 10) {
			return String.format(java.util.Locale.ROOT, "%.1f%s", tenths, units[unit]);
		}
		return (long) Math.ceil(value) + units[unit];
	}

}
