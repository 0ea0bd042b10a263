package com.chairside.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads JSON request bodies whole before anything else does, and refuses what the JSON parser would let through:
 * bodies over the cap ({@code chairside.web.max-json-body}, 1 MB; the largest body of the sales API, an order of many
 * lines, is a few KB) with 413, bytes that are not UTF-8 (the parser decodes overlong forms such as {@code C0 AF} to
 * {@code /}) and escaped lone surrogates ({@code "\uD800"}, no character at all) with 400, all as problem+json. Other
 * bodies (CSV imports, streamed) have their own limits.
 */
public class JsonBodyGuard extends OncePerRequestFilter {

	/** An escaped high surrogate not followed by a low one, or a low one not preceded by a high one. */
	private static final Pattern LONE_SURROGATE = Pattern.compile(
			"(?<!\\\\)\\\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\\\u[dD][c-fC-F][0-9a-fA-F]{2})"
					+ "|(?<!\\\\u[dD][89abAB][0-9a-fA-F]{2})(?<!\\\\)\\\\u[dD][c-fC-F][0-9a-fA-F]{2}");

	private final long maximum;

	public JsonBodyGuard(DataSize maximum) {
		this.maximum = maximum.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase().contains("json")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maximum) {
			refuse(response, 413, "JSON bodies are limited to " + (this.maximum / 1024) + " KB");
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) this.maximum + 1);
		if (body.length > this.maximum) {
			refuse(response, 413, "JSON bodies are limited to " + (this.maximum / 1024) + " KB");
			return;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			refuse(response, 400, "The request body is not valid UTF-8");
			return;
		}
		if (text.contains("\\u") && LONE_SURROGATE.matcher(text).find()) {
			refuse(response, 400, "The request body escapes a lone surrogate, which is no character");
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(ProblemJson.CONTENT_TYPE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(ProblemJson.of(status, detail));
	}

	/** The request with its body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return this.available() == 0;
				}

				@Override
				public int available() {
					try {
						return in.available();
					}
					catch (IOException ex) {
						return 0;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
