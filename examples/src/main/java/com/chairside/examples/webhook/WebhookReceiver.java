package com.chairside.examples.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint for Chairside's notification-service with nothing but the JDK: {@code POST <path>} with the event
 * as a structured CloudEvent ({@code application/cloudevents+json}). A delivery whose {@link WebhookSignature} does
 * not verify against the subscription's secret, or is older than five minutes, is refused with 401 and never reaches
 * the handler; an accepted one is answered 204. notification-service retries anything but a 2xx with back-off, so
 * the same delivery ({@code Chairside-Delivery-Id}) can arrive more than once: the handler must be idempotent.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** How far a delivery's timestamp may be from this machine's clock. */
	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	/** The largest body read; Chairside's events are a few kilobytes. */
	private static final int MAX_BODY = 1024 * 1024;

	/**
	 * One accepted delivery.
	 *
	 * @param deliveryId notification-service's id of this delivery, the same on each retry
	 * @param signature the {@code Chairside-Signature} it came with
	 * @param body the CloudEvent in structured JSON mode, as received
	 */
	public record Delivery(String deliveryId, String signature, String body) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final String path;

	private WebhookReceiver(InetSocketAddress address, String path, String secret, Clock clock,
			Consumer<Delivery> handler) throws IOException {
		this.path = path;
		this.server = HttpServer.create(address, 0);
		this.server.createContext(path, (exchange) -> {
			try {
				receive(exchange, secret, clock, handler);
			}
			finally {
				exchange.close();
			}
		});
		this.server.setExecutor(this.executor);
	}

	/** Listens on {@code address} (port 0: any free one) for deliveries to {@code path} signed with {@code secret}. */
	public static WebhookReceiver start(InetSocketAddress address, String path, String secret,
			Consumer<Delivery> handler) throws IOException {
		WebhookReceiver receiver = new WebhookReceiver(address, path, secret, Clock.systemUTC(), handler);
		receiver.server.start();
		return receiver;
	}

	private static void receive(HttpExchange exchange, String secret, Clock clock, Consumer<Delivery> handler)
			throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().add("Allow", "POST");
			exchange.sendResponseHeaders(405, -1);
			return;
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			exchange.sendResponseHeaders(413, -1);
			return;
		}
		String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
		// The raw bytes are verified before anything reads them as JSON.
		if (!WebhookSignature.verify(signature, body, secret, clock.instant(), TOLERANCE)) {
			exchange.sendResponseHeaders(401, -1);
			return;
		}
		try {
			handler.accept(new Delivery(exchange.getRequestHeaders().getFirst("Chairside-Delivery-Id"), signature,
					new String(body, StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			exchange.sendResponseHeaders(500, -1); // not taken: notification-service sends it again later
			return;
		}
		exchange.sendResponseHeaders(204, -1);
	}

	/** Where to register the subscription, e.g. {@code http://127.0.0.1:8099/chairside}. */
	public URI url() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getHostString() + ":" + address.getPort() + this.path);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * Prints each accepted delivery; listens on {@code 127.0.0.1:$PORT} (default 8099) at {@code /chairside}, with
	 * the secret in {@code CHAIRSIDE_WEBHOOK_SECRET}.
	 */
	public static void main(String[] args) throws IOException {
		String secret = System.getenv("CHAIRSIDE_WEBHOOK_SECRET");
		if (secret == null || secret.isBlank()) {
			System.err.println("Set CHAIRSIDE_WEBHOOK_SECRET to the secret the subscription was registered with");
			System.exit(2);
		}
		int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8099"));
		WebhookReceiver receiver = start(new InetSocketAddress("127.0.0.1", port), "/chairside", secret,
				(delivery) -> System.out.printf("delivery %s: %s%n", delivery.deliveryId(), delivery.body()));
		System.out.println("Receiving at " + receiver.url());
		Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
	}

}
