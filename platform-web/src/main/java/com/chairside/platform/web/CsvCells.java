package com.chairside.platform.web;

/**
 * One cell of a CSV the suite writes, made inert for spreadsheets: text that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be run as a formula by Excel, LibreOffice or Sheets (and
 * could fetch a URL or run a command), so it is prefixed with {@code '}, which they show as text. Then the cell is
 * quoted where RFC 4180 needs it. Numbers the suite writes as numbers (JSON numbers, {@link #number}) are written as
 * they are, a negative one too: they come from the suite's own arithmetic, never from what someone typed, and a
 * spreadsheet must still be able to sum them.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/** {@code value} as a text cell: neutralised, then quoted if needed; {@code null} is an empty cell. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return quote(isFormula(value) ? "'" + value : value);
	}

	/** A number the suite computed, as it is. */
	public static String number(Number value) {
		return (value != null) ? value.toString() : "";
	}

	/** Whether a spreadsheet would read {@code value} as a formula. */
	public static boolean isFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static String quote(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
