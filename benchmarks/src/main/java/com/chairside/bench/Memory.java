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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** A heap's generations in {@code jcmd GC.heap_info} (the serial collector's), each with what it holds. */
	private static final Pattern GENERATION_USED = Pattern
		.compile("(?m)^\\s*(?:def new|tenured) generation\\s.*?used (\\d+)K");

	private final Stack stack;

	private final Map<String, Long> idle = new LinkedHashMap<>();

	private final Map<String, Long> peak = new ConcurrentHashMap<>();

	private final Map<String, Double> startUps = new LinkedHashMap<>();

	private final Map<String, Double> idleCpu = new LinkedHashMap<>();

	private final Map<String, AfterLoad> afterLoad = new LinkedHashMap<>();

	Memory(Stack stack) {
		this.stack = stack;
		stack.parts().forEach((name, proc) -> this.startUps.put(name, proc.startUp().toMillis() / 1000.0));
	}

	void sampleIdle() {
		this.stack.parts().forEach((name, proc) -> {
			this.idle.put(name, rssKb(proc));
			this.idleCpu.put(name, cpuSeconds(proc));
		});
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

	/**
	 * Once the load is over: each process's CPU seconds so far, then, after a full collection ({@code jcmd GC.run}),
	 * its live set (the heap in use) and resident memory. The heap's summary goes beside the logs
	 * ({@code <part>-after-load.txt}), with the native memory's when the part runs with
	 * {@code -XX:NativeMemoryTracking=summary}.
	 */
	void sampleAfterLoad(Path logs) {
		this.stack.parts().forEach((name, proc) -> {
			double cpu = cpuSeconds(proc);
			String heap = jcmd(proc, "GC.run") + jcmd(proc, "GC.heap_info");
			long used = 0;
			Matcher generation = GENERATION_USED.matcher(heap);
			while (generation.find()) {
				used += Long.parseLong(generation.group(1));
			}
			try {
				Files.writeString(logs.resolve(name + "-after-load.txt"),
						heap + "\n" + jcmd(proc, "VM.native_memory", "summary"));
			}
			catch (IOException ex) {
				// the summary is a help to read, not a figure
			}
			this.afterLoad.put(name, new AfterLoad(cpu, used / 1024, rssKb(proc) / 1024));
		});
	}

	private static String jcmd(PartProcess process, String... command) {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(process.pid())));
		line.addAll(List.of(command));
		try {
			Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(jcmd.getInputStream().readAllBytes());
			jcmd.waitFor();
			return output;
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/** User and system CPU seconds the process has used, from /proc; 0 once it is gone. */
	static double cpuSeconds(PartProcess process) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime, fields 14 and 15 of the whole line, in clock ticks of 1/100 s
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** What a process holds once the load is over. */
	record AfterLoad(double cpuSeconds, long liveSetMb, long rssMb) {

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
			AfterLoad after = this.afterLoad.get(name);
			if (after != null) {
				process.put("cpuSecondsIdle", this.idleCpu.get(name));
				process.put("cpuSecondsAfterLoad", after.cpuSeconds());
				process.put("liveSetMbAfterLoad", after.liveSetMb());
				process.put("rssAfterFullGcMb", after.rssMb());
			}
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
