package com.chairside.gateway.routing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.util.unit.DataSize;

/**
 * A request whose body is read whole once, up to the gateway's cap, and given from its start again to each attempt:
 * what lets a PUT be asked of another replica. Within one attempt the body is read once, as from the container.
 */
final class ReplayableBody extends HttpServletRequestWrapper {

	private final byte[] body;

	private ServletInputStream stream;

	private ReplayableBody(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
		rewind();
	}

	/** The request with its body kept, or empty when the body is larger than {@code cap}. */
	static Optional<ReplayableBody> read(HttpServletRequest request, DataSize cap) throws IOException {
		int limit = (int) Math.min(cap.toBytes(), Integer.MAX_VALUE - 8);
		byte[] body = request.getInputStream().readNBytes(limit + 1);
		return (body.length > limit) ? Optional.empty() : Optional.of(new ReplayableBody(request, body));
	}

	/** The body from its start, for the next attempt. */
	void rewind() {
		this.stream = new BodyStream(new ByteArrayInputStream(this.body));
	}

	@Override
	public ServletInputStream getInputStream() {
		return this.stream;
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(this.stream, charset));
	}

	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BodyStream(ByteArrayInputStream in) {
			this.in = in;
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.in.read(buffer, offset, length);
		}

		@Override
		public int available() {
			return this.in.available();
		}

		@Override
		public boolean isFinished() {
			return this.in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("The body is already read");
		}

	}

}
