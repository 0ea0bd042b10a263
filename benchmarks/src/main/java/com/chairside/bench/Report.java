package com.chairside.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table a run prints and the files it writes: {@code latest.json} (one entry per benchmark, the last figures of
 * each), {@code latest.md} (the same as a Markdown table) and a timestamped copy of both.
 */
final class Report {

	static final List<String> ORDER = List.of("event-path", "projection-rebuild", "api-latency", "end-to-end", "footprint",
			"console", "console-search", "store");

	private static final List<String> NAMED_FIGURES = List.of("suiteKnee", "baselineKnee", "upSeconds",
			"maxServiceRssMb");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Report() {
	}

	static void progress(String benchmark, int round, Map<String, Object> figures) {
		System.out.printf("  %s round %d: %s%n", benchmark, round, figures);
	}

	/** Writes the results into {@code folder}, replacing earlier entries of the same benchmarks; returns them all. */
	static List<Map<String, Object>> write(Path folder, List<Result> results) throws IOException {
		Files.createDirectories(folder);
		Path latest = folder.resolve("latest.json");
		Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
		if (Files.exists(latest)) {
			for (Map<String, Object> entry : JSON.readValue(latest.toFile(), new TypeReference<List<Map<String, Object>>>() {
			})) {
				byName.put((String) entry.get("name"), entry);
			}
		}
		for (Result result : results) {
			byName.put(result.name(), JSON.convertValue(result, new TypeReference<Map<String, Object>>() {
			}));
		}
		List<Map<String, Object>> all = new ArrayList<>(byName.values());
		all.sort(Comparator.comparingInt((entry) -> ORDER.indexOf((String) entry.get("name"))));
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		String markdown = markdown(all);
		JSON.writeValue(latest.toFile(), all);
		Files.writeString(folder.resolve("latest.md"), markdown);
		JSON.writeValue(folder.resolve(stamp + ".json").toFile(), all);
		Files.writeString(folder.resolve(stamp + ".md"), markdown);
		return all;
	}

	static String markdown(List<Map<String, Object>> entries) {
		StringBuilder table = new StringBuilder();
		table.append("| Benchmark | Suite | Baseline | Unit | Ratio | Target | Met | Suite min–max | Baseline min–max |\n");
		table.append("|---|---:|---:|---|---:|---|---|---|---|\n");
		for (Map<String, Object> entry : entries) {
			Map<?, ?> details = (Map<?, ?>) entry.getOrDefault("details", Map.of());
			Object target = entry.get("target");
			String rule = (target == null) ? "—"
					: (Boolean.TRUE.equals(entry.get("higherIsBetter")) ? "≥ " : "≤ ") + target;
			table.append("| ").append(entry.get("name"))
				.append(" | ").append(value(entry.get("suiteValue")))
				.append(" | ").append(value(entry.get("baselineValue")))
				.append(" | ").append(entry.get("unit"))
				.append(" | ").append(value(entry.get("ratio")))
				.append(" | ").append(rule)
				.append(" | ").append((entry.get("suiteValue") == null) ? "not run" : (Boolean.TRUE.equals(entry.get("met")) ? "yes" : "no"))
				.append(" | ").append(range(details, "suite"))
				.append(" | ").append(range(details, "baseline"))
				.append(" |\n");
		}
		for (Map<String, Object> entry : entries) {
			Map<?, ?> details = (Map<?, ?>) entry.getOrDefault("details", Map.of());
			table.append("\n**").append(entry.get("name")).append("**: ").append(entry.getOrDefault("note", ""));
			// each entry's own: a run of some benchmarks keeps the others' entries from earlier runs
			if (entry.get("machine") != null) {
				table.append("\n- machine: ").append(entry.get("machine"));
			}
			// the figures other systems read by name (older files have none of them)
			for (String figure : NAMED_FIGURES) {
				if (entry.get(figure) != null) {
					table.append("\n- ").append(figure).append(": ").append(entry.get(figure));
				}
			}
			details.forEach((key, value) -> {
				if (value instanceof List<?> rows && !rows.isEmpty() && rows.get(0) instanceof Map<?, ?>) {
					table.append("\n\n").append(rowsTable(rows));
				}
				else if (!String.valueOf(key).matches("(suite|baseline)(Min|Max)")) {
					table.append("\n- ").append(key).append(": ").append(value);
				}
			});
			table.append('\n');
		}
		return table.toString();
	}

	/** A list of records (footprint's processes) as a table of its own. */
	private static String rowsTable(List<?> rows) {
		List<?> columns = new ArrayList<>(((Map<?, ?>) rows.get(0)).keySet());
		StringBuilder table = new StringBuilder("|");
		columns.forEach((column) -> table.append(' ').append(column).append(" |"));
		table.append("\n|");
		columns.forEach((column) -> table.append("---|"));
		for (Object row : rows) {
			table.append("\n|");
			columns.forEach((column) -> table.append(' ').append(value(((Map<?, ?>) row).get(column))).append(" |"));
		}
		return table.append('\n').toString();
	}

	/** Rewrites latest.md from latest.json (after a change to the table's layout). */
	static void render(Path folder) throws IOException {
		if (!Files.exists(folder.resolve("latest.json"))) {
			return;
		}
		List<Map<String, Object>> all = JSON.readValue(folder.resolve("latest.json").toFile(),
				new TypeReference<List<Map<String, Object>>>() {
				});
		Files.writeString(folder.resolve("latest.md"), markdown(all));
		print(all);
	}

	private static String range(Map<?, ?> details, String side) {
		Object min = details.get(side + "Min");
		Object max = details.get(side + "Max");
		return (min == null) ? "—" : value(min) + "–" + value(max);
	}

	private static String value(Object value) {
		return (value == null) ? "—" : String.valueOf(value);
	}

	/** The table for the terminal. */
	static void print(List<Map<String, Object>> entries) {
		System.out.printf("%n%-19s %12s %12s %-30s %8s %8s %-8s%n", "benchmark", "suite", "baseline", "unit", "ratio",
				"target", "met");
		for (Map<String, Object> entry : entries) {
			Object target = entry.get("target");
			String rule = (target == null) ? "-" : (Boolean.TRUE.equals(entry.get("higherIsBetter")) ? ">=" : "<=") + target;
			System.out.printf("%-19s %12s %12s %-30s %8s %8s %-8s%n", entry.get("name"), value(entry.get("suiteValue")),
					value(entry.get("baselineValue")), entry.get("unit"), value(entry.get("ratio")), rule,
					(entry.get("suiteValue") == null) ? "not run" : (Boolean.TRUE.equals(entry.get("met")) ? "yes" : "NO"));
		}
	}

}
