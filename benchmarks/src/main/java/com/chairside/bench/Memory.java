package com.chairside.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.chairside.launcher.PartProcess;

/**
 * Benchmark 5, footprint: each process's start-up (launch to first ready answer), resident memory idle and at its peak
 * under a load (sampled twice a second from /proc, what {@code ps -o rss} shows), and the time {@code bin/chairside up}
 * takes to start the whole suite on its own (full runs only: it needs the default ports).
 */
final class Memory {

	private static final List<String> EMBEDDED_DEFAULT = List.of("kafka", "mongodb", "mail");

	private static final double UP_TARGET_SECONDS = 40;

	private static final double RSS_TARGET_MB = 250;

	private final Stack stack;

	private final Map<String, Long> idle = new LinkedHashMap<>();

	private final Map<String, Long> peak = new ConcurrentHashMap<>();

	private final Map<String, Double> startUps = new LinkedHashMap<>();

	Memory(Stack stack) {
		this.stack = stack;
		stack.parts().forEach((name, proc) -> this.startUps.put(name, proc.startUp().toMillis() / 1000.0));
	}

	void sampleIdle() {
		this.stack.parts().forEach((name, proc) -> this.idle.put(name, rssKb(proc)));
	}

	/** Runs {@code load}, sampling every process's resident memory meanwhile. */
	<T> T during(Supplier<T> load) {
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.stack.parts().forEach((name, proc) -> this.peak.merge(name, rssKb(proc), Math::max));
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "rss-sampler");
		sampler.setDaemon(true);
		sampler.start();
		try {
			return load.get();
		}
		finally {
			sampler.interrupt();
		}
	}

	/** Resident set size in kilobytes, as {@code ps -o rss} reports it; 0 once the process is gone. */
	static long rssKb(PartProcess process) {
		try {
			Path status = Path.of("/proc", Long.toString(process.pid()), "status");
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process just ended: fall through to 0
		}
		return 0;
	}

	Result result(Settings settings) {
		Map<String, Object> details = new LinkedHashMap<>();
		List<Map<String, Object>> processes = new ArrayList<>();
		long total = 0;
		long embedded = 0;
		for (String name : this.stack.parts().keySet()) {
			long underLoad = this.peak.getOrDefault(name, 0L);
			Map<String, Object> process = new LinkedHashMap<>();
			process.put("process", name);
			process.put("startUpSeconds", this.startUps.get(name));
			process.put("rssIdleMb", this.idle.getOrDefault(name, 0L) / 1024);
			process.put("rssUnderLoadMb", underLoad / 1024);
			processes.add(process);
			total += underLoad;
			if (EMBEDDED_DEFAULT.contains(name)) {
				embedded += underLoad;
			}
		}
		details.put("processes", processes);
		details.put("rssIdleTotalMb", this.idle.values().stream().mapToLong(Long::longValue).sum() / 1024);
		Object up = settings.smoke() ? "not measured: smoke runs never time bin/chairside up (it needs the default ports)"
				: ChairsideUp.time(settings.root());
		Double upSeconds = (up instanceof Double seconds) ? seconds : null;
		if (upSeconds == null) {
			details.put("upSecondsNotMeasured", up);
		}
		// the suite's own processes: the services and the gateway, not the embedded default's
		Map.Entry<String, Long> largest = this.peak.entrySet()
			.stream()
			.filter((entry) -> !EMBEDDED_DEFAULT.contains(entry.getKey()))
			.max(Map.Entry.comparingByValue())
			.orElse(Map.entry("none", 0L));
		double maxServiceRssMb = Result.round(largest.getValue() / 1024.0);
		boolean upMet = upSeconds != null && upSeconds <= UP_TARGET_SECONDS;
		boolean rssMet = maxServiceRssMb > 0 && maxServiceRssMb <= RSS_TARGET_MB;
		details.put("maxServiceRssProcess", largest.getKey());
		details.put("upTargetSeconds", UP_TARGET_SECONDS);
		details.put("upMet", upMet);
		details.put("rssTargetMb", RSS_TARGET_MB);
		details.put("rssMet", rssMet);
		Stats suite = new Stats();
		suite.add(total / 1024.0);
		Stats baseline = new Stats();
		baseline.add(embedded / 1024.0);
		return Result.of("footprint", suite, baseline, "MB RSS under end-to-end load", null, false, processes, details,
				"Suite: every process at its peak under the end-to-end load; baseline: the embedded default alone "
						+ "(broker, store, mail sink) at its peak, what the raw clients need. No ratio target; met: "
						+ "bin/chairside up from built jars within " + UP_TARGET_SECONDS + " s (upSeconds) and the "
						+ "largest service or gateway within " + RSS_TARGET_MB + " MB RSS (maxServiceRssMb).")
			.withFootprint(upSeconds, maxServiceRssMb, upMet && rssMet);
	}

}
