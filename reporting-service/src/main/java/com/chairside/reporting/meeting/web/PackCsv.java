package com.chairside.reporting.meeting.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.chairside.platform.web.CsvCells;

/**
 * The pack as CSV, one figure a line: {@code section,item,metric,value}, e.g. {@code targets,leadsCaptured,actual,6}
 * or {@code funnel,bySource / CONFERENCE,qualified,2}. The item is the path inside the section, joined with
 * {@code " / "}; a list's rows are named by their month, order or installed unit, else by position. The pack's own attributes (region,
 * period...) come first under {@code pack}.
 */
final class PackCsv {

	private static final List<String> ROW_NAMES = List.of("month", "orderId", "unitId");

	private PackCsv() {
	}

	static byte[] render(JsonNode pack) {
		StringBuilder csv = new StringBuilder("section,item,metric,value\r\n");
		pack.forEachEntry((name, value) -> {
			if (value.isContainer()) {
				flatten(csv, name, List.of(), value);
			}
			else {
				line(csv, "pack", List.of(name), value);
			}
		});
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void flatten(StringBuilder csv, String section, List<String> path, JsonNode node) {
		if (node.isArray()) {
			int position = 0;
			for (JsonNode row : node.values()) {
				position++;
				flatten(csv, section, with(path, rowName(row, position)), row);
			}
			return;
		}
		if (node.isObject()) {
			node.forEachEntry((name, value) -> {
				if (!(path.size() > 0 && ROW_NAMES.contains(name) && !value.isContainer())) {
					flatten(csv, section, with(path, name), value);
				}
			});
			return;
		}
		line(csv, section, path, node);
	}

	private static List<String> with(List<String> path, String name) {
		List<String> next = new ArrayList<>(path);
		next.add(name);
		return next;
	}

	private static String rowName(JsonNode row, int position) {
		return ROW_NAMES.stream().filter(row::has).findFirst().map((k) -> row.get(k).asString())
			.orElse(Integer.toString(position));
	}

	/**
	 * Every text cell goes through {@link CsvCells#text}, which makes a value a spreadsheet would run (a practice or
	 * competitor name starting with {@code =}, say) inert; numbers the pack computed stay numbers, negative ones too.
	 */
	private static void line(StringBuilder csv, String section, List<String> path, JsonNode value) {
		String metric = path.isEmpty() ? "value" : path.get(path.size() - 1);
		String item = String.join(" / ", path.subList(0, Math.max(0, path.size() - 1)));
		csv.append(CsvCells.text(section)).append(',').append(CsvCells.text(item)).append(',')
			.append(CsvCells.text(metric)).append(',')
			.append(value.isNumber() ? value.asString() : CsvCells.text(value.isNull() ? "" : value.asString()))
			.append("\r\n");
	}

}
