package com.chairside.lead.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF; the separator
 * ({@code ,} or {@code ;}) is the one the header uses most. Reads record by record through a fixed buffer, so memory
 * does not grow with the file; a field longer than {@value #MAX_FIELD} characters is cut and the record marked.
 */
final class CsvReader {

	static final int MAX_FIELD = 10_000;

	private final Reader in;

	private final char[] buffer = new char[64 * 1024];

	private int length;

	private int position;

	private char separator;

	private int line = 1;

	private int recordLine;

	private boolean oversized;

	CsvReader(Reader in) {
		this.in = in;
	}

	/** Reads the header and settles the separator from it. */
	List<String> header() throws IOException {
		fill();
		if (this.length > 0 && this.buffer[0] == '\uFEFF') {
			this.position = 1;
		}
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (int i = this.position; i < this.length; i++) {
			char c = this.buffer[i];
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		this.separator = (semicolons > commas) ? ';' : ',';
		List<String> header = next();
		return (header != null) ? header.stream().map(String::strip).toList() : null;
	}

	/** The next record, or null at the end; blank lines are skipped. */
	List<String> next() throws IOException {
		while (true) {
			if (!available()) {
				return null;
			}
			this.recordLine = this.line;
			this.oversized = false;
			List<String> fields = record();
			if (fields.size() > 1 || !fields.get(0).isEmpty()) {
				return fields;
			}
		}
	}

	/** The line the last record started on (the header is line 1). */
	int line() {
		return this.recordLine;
	}

	/** Whether a field of the last record was cut at {@value #MAX_FIELD} characters. */
	boolean oversized() {
		return this.oversized;
	}

	private List<String> record() throws IOException {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		while (available()) {
			char c = this.buffer[this.position++];
			if (quoted) {
				if (c == '"') {
					if (available() && this.buffer[this.position] == '"') {
						this.position++;
						append(field, '"');
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					append(field, c);
				}
			}
			else if (c == '"' && field.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == this.separator) {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && available() && this.buffer[this.position] == '\n') {
					this.position++;
				}
				this.line++;
				break;
			}
			else {
				append(field, c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	private void append(StringBuilder field, char c) {
		if (field.length() < MAX_FIELD) {
			field.append(c);
		}
		else {
			this.oversized = true;
		}
	}

	private boolean available() throws IOException {
		return this.position < this.length || fill();
	}

	private boolean fill() throws IOException {
		int read = this.in.read(this.buffer, 0, this.buffer.length);
		this.position = 0;
		this.length = Math.max(read, 0);
		return read > 0;
	}

}
