package com.chairside.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * How to tell that a part can serve its clients, asked on 127.0.0.1 at its port. Ready means that it answers what
 * its clients will ask of it, not merely that its port accepts connections, wherever the part can say so.
 */
public sealed interface Readiness {

	boolean answers(int port);

	/** The port accepts connections (the store, the mail sink: nothing more to ask them). */
	record PortOpen() implements Readiness {

		@Override
		public boolean answers(int port) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

	/** {@code GET <path>} answers 2xx (a Spring Boot readiness probe, the provider's discovery document). */
	record HttpOk(String path) implements Readiness {

		@Override
		public boolean answers(int port) {
			HttpURLConnection connection = null;
			try {
				connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + this.path).toURL().openConnection();
				connection.setConnectTimeout(1000);
				connection.setReadTimeout(5000);
				int status = connection.getResponseCode();
				return status >= 200 && status < 300;
			}
			catch (IOException ex) {
				return false;
			}
			finally {
				if (connection != null) {
					connection.disconnect();
				}
			}
		}

	}

	/**
	 * The broker names itself among the cluster's live brokers in a metadata answer: it has caught up with its
	 * controller and takes clients. Asked in Kafka's wire protocol (Metadata v4, no topics), so that the launcher needs
	 * no Kafka client and no JVM per question.
	 */
	record KafkaMetadata() implements Readiness {

		private static final short METADATA = 3;

		private static final short VERSION = 4;

		private static final int CORRELATION = 1;

		@Override
		public boolean answers(int port) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
				socket.setSoTimeout(3000);
				byte[] client = "chairside-launcher".getBytes(StandardCharsets.UTF_8);
				DataOutputStream out = new DataOutputStream(socket.getOutputStream());
				out.writeInt(2 + 2 + 4 + 2 + client.length + 4 + 1);
				out.writeShort(METADATA);
				out.writeShort(VERSION);
				out.writeInt(CORRELATION);
				out.writeShort(client.length);
				out.write(client);
				out.writeInt(0); // no topics
				out.writeByte(0); // none created by asking
				out.flush();
				DataInputStream in = new DataInputStream(socket.getInputStream());
				in.readInt(); // the answer's size
				boolean ours = in.readInt() == CORRELATION;
				in.readInt(); // throttle time
				return ours && in.readInt() > 0;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
