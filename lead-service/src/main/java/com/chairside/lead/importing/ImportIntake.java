package com.chairside.lead.importing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import com.chairside.platform.web.RuleViolationException;

/**
 * What an import's body must be before it is stored, so that no one user fills the store or the workers: text (the
 * first KB holds no NUL byte and is valid UTF-8, else 422 {@code NOT_TEXT} at once: a spreadsheet or an archive sent by
 * mistake, or on purpose), and no larger than {@code chairside.leads.imports.max-size} (default 50 MB: 413, by the declared
 * length before reading, or by counting while it streams into the store, which then keeps nothing of it).
 */
final class ImportIntake {

	static final int SNIFFED = 1024;

	private ImportIntake() {
	}

	/** Refuses a declared length over {@code maxBytes} (413) before anything is read. */
	static void checkDeclared(long contentLength, long maxBytes) {
		if (contentLength > maxBytes) {
			throw tooLarge(maxBytes);
		}
	}

	/** The body, checked to start as text and limited to {@code maxBytes} while it is read. */
	static InputStream textWithin(InputStream body, long maxBytes) throws IOException {
		BufferedInputStream in = new BufferedInputStream(body, 8192);
		in.mark(SNIFFED);
		byte[] first = in.readNBytes(SNIFFED);
		in.reset();
		if (!looksLikeText(first, first.length < SNIFFED)) {
			throw new RuleViolationException("NOT_TEXT",
					"An import is a CSV file in UTF-8; this body is not text (NUL bytes or invalid UTF-8 at its start)");
		}
		return new Limited(in, maxBytes);
	}

	/** No NUL byte, and valid UTF-8 (a character cut by the end of the sample counts as valid unless it is the end). */
	static boolean looksLikeText(byte[] sample, boolean whole) {
		for (byte b : sample) {
			if (b == 0) {
				return false;
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.wrap(sample);
		CoderResult result = decoder.decode(bytes, CharBuffer.allocate(sample.length + 1), whole);
		if (result.isError()) {
			return false;
		}
		return !whole || !bytes.hasRemaining();
	}

	static ResponseStatusException tooLarge(long maxBytes) {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"An import may be at most " + (maxBytes / (1024 * 1024)) + " MB; split the file");
	}

	/** Thrown while reading past the limit; the store's upload aborts, keeping nothing. */
	static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("import body over the limit");
		}

	}

	private static final class Limited extends FilterInputStream {

		private final long max;

		private long read;

		Limited(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.max) {
				throw new TooLarge();
			}
		}

	}

}
