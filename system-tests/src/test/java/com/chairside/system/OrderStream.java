package com.chairside.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A steady stream of order changes through the gateway, as account managers make them: at a fixed rate, each a
 * {@code PATCH /api/orders/{id}} with {@code If-Match} on an order nobody else is changing at that moment. Every answer
 * is kept: a 200 is an acknowledged command (its {@code ETag} is the version the change made, which is the event's
 * {@code ce_sequence}); anything else was refused and promised nothing; a call that got no answer may or may not have
 * happened.
 */
final class OrderStream implements AutoCloseable {

	static final String SKU = "TC-OS-200";

	/** An acknowledged change: this version of this order exists, so its OrderChanged must be published once. */
	record Ack(String orderId, long version, Instant at, long millis) {
	}

	/**
	 * A call and its answer: the status (0 when none came), how long it took, and for a refusal whether it was a
	 * problem+json with a {@code Retry-After}.
	 */
	record Call(Instant at, int status, long millis, boolean problemWithRetryAfter) {
	}

	private static final class Handle {

		final String orderId;

		final Api api;

		long version;

		int quantity;

		boolean stale;

		Handle(String orderId, Api api, long version, int quantity) {
			this.orderId = orderId;
			this.api = api;
			this.version = version;
			this.quantity = quantity;
		}

	}

	private final ConcurrentLinkedQueue<Handle> idle = new ConcurrentLinkedQueue<>();

	private final List<Ack> acks = new CopyOnWriteArrayList<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

	private final AtomicLong shed = new AtomicLong();

	private final ExecutorService workers = Executors.newFixedThreadPool(48, daemon("order-stream"));

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon("order-stream-tick"));

	private final List<String> orders = new ArrayList<>();

	private final String region;

	private final int perSecond;

	private Instant started;

	private Instant stopped;

	/**
	 * Places {@code count} orders for one account in {@code region}, spread over {@code users} account managers (the
	 * gateway limits the calls of each user), to be changed {@code perSecond} times a second in all.
	 */
	OrderStream(Suite suite, String region, int count, int users, int perSecond) {
		this.region = region;
		this.perSecond = perSecond;
		List<Api> apis = new ArrayList<>();
		for (int u = 1; u <= users; u++) {
			apis.add(suite.gateway(suite.token("am." + region.toLowerCase() + "." + u, "ACCOUNT_MANAGER", region, null)));
		}
		Api.Response account = apis.get(0).post("/api/accounts", """
				{"name":"%s Dental Group","specialty":"ORAL_SURGERY","city":"Denver","country":"US"}"""
			.formatted(region));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		for (int i = 0; i < count; i++) {
			Api api = apis.get(i % apis.size());
			Api.Response placed = api.post("/api/orders", """
					{"accountId":"%s","lines":[{"sku":"%s","quantity":1}],"requestedDeliveryDate":"2027-06-01"}"""
				.formatted(account.field("id"), SKU));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			this.orders.add(placed.field("id"));
			this.idle.add(new Handle(placed.field("id"), api, version(placed), 1));
		}
	}

	List<String> orders() {
		return this.orders;
	}

	String region() {
		return this.region;
	}

	OrderStream start() {
		this.started = Instant.now();
		long period = TimeUnit.SECONDS.toNanos(1) / this.perSecond;
		this.ticks.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
		return this;
	}

	/** Stops offering new changes and waits for the ones under way to be answered. */
	void stop() {
		this.ticks.shutdownNow();
		this.workers.shutdown();
		try {
			assertThat(this.workers.awaitTermination(60, TimeUnit.SECONDS)).as("every change answered").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.stopped = Instant.now();
	}

	private void tick() {
		Handle handle = this.idle.poll();
		if (handle == null) {
			this.shed.incrementAndGet(); // every order has a change under way: the system is slower than the rate
			return;
		}
		this.workers.execute(() -> {
			try {
				change(handle);
			}
			finally {
				this.idle.add(handle);
			}
		});
	}

	private void change(Handle handle) {
		if (handle.stale && !refresh(handle)) {
			return;
		}
		int quantity = handle.quantity % 9 + 1;
		Instant at = Instant.now();
		long start = System.nanoTime();
		Api.Response answer;
		try {
			answer = handle.api.send("PATCH", "/api/orders/" + handle.orderId, """
					{"reason":"Operatory plan revised","lines":[{"sku":"%s","quantity":%d}]}""".formatted(SKU, quantity),
					Map.of("If-Match", "\"" + handle.version + "\""));
		}
		catch (IllegalStateException ex) {
			this.calls.add(new Call(at, 0, elapsed(start), false));
			handle.stale = true; // no answer: it may have been applied
			return;
		}
		long millis = elapsed(start);
		this.calls.add(new Call(at, answer.status(), millis, problemWithRetryAfter(answer)));
		if (answer.status() == 200) {
			handle.version = version(answer);
			handle.quantity = quantity;
			this.acks.add(new Ack(handle.orderId, handle.version, at, millis));
		}
		else {
			this.refused.computeIfAbsent(answer.status(), (s) -> new AtomicInteger()).incrementAndGet();
			handle.stale = answer.status() == 412 || answer.status() >= 500;
		}
	}

	/** Reads the order again after an answer that left its version in doubt; a call like any other. */
	private boolean refresh(Handle handle) {
		Instant at = Instant.now();
		long start = System.nanoTime();
		try {
			Api.Response order = handle.api.get("/api/orders/" + handle.orderId);
			this.calls.add(new Call(at, order.status(), elapsed(start), problemWithRetryAfter(order)));
			if (order.status() != 200) {
				return false;
			}
			handle.version = version(order);
			handle.quantity = order.json().path("lines").get(0).path("quantity").asInt();
			handle.stale = false;
			return true;
		}
		catch (IllegalStateException ex) {
			this.calls.add(new Call(at, 0, elapsed(start), false));
			return false;
		}
	}

	private static boolean problemWithRetryAfter(Api.Response answer) {
		return answer.contentType().startsWith("application/problem+json") && answer.header("Retry-After").isPresent();
	}

	private static long version(Api.Response answer) {
		String etag = answer.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + answer));
		return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
	}

	private static long elapsed(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

	List<Ack> acks() {
		return this.acks;
	}

	List<Call> calls() {
		return this.calls;
	}

	long acknowledgedBetween(Instant from, Instant to) {
		return this.acks.stream().filter((a) -> !a.at().isBefore(from) && a.at().isBefore(to)).count();
	}

	/** Calls (changes and the reads after an uncertain answer) started between the two instants. */
	long callsBetween(Instant from, Instant to) {
		return this.calls.stream().filter((c) -> !c.at().isBefore(from) && c.at().isBefore(to)).count();
	}

	/** Changes acknowledged per second over the whole run. */
	double achievedPerSecond() {
		double seconds = Duration.between(this.started, this.stopped).toMillis() / 1000.0;
		return this.acks.size() / Math.max(seconds, 0.001);
	}

	int offeredPerSecond() {
		return this.perSecond;
	}

	long shed() {
		return this.shed.get();
	}

	Map<Integer, AtomicInteger> refused() {
		return this.refused;
	}

	long unanswered() {
		return this.calls.stream().filter((c) -> c.status() == 0).count();
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger n = new AtomicInteger();
		return (r) -> {
			Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
		this.workers.shutdownNow();
	}

}
