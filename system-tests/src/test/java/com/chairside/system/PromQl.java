package com.chairside.system;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, as Prometheus spells them: what is left once strings, label matchers,
 * ranges and grouping clauses are taken out, less functions (a name before a parenthesis), operators' keywords and
 * numbers.
 */
final class PromQl {

	private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern NAME = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String left = STRINGS.matcher(expression).replaceAll(" ");
		left = MATCHERS.matcher(left).replaceAll(" ");
		left = RANGES.matcher(left).replaceAll(" ");
		left = GROUPING.matcher(left).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = NAME.matcher(left);
		while (matcher.find()) {
			if (!KEYWORDS.contains(matcher.group())) {
				names.add(matcher.group());
			}
		}
		return names;
	}

}
