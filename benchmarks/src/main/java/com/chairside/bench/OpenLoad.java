package com.chairside.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests leave on a fixed schedule whatever the answers do, and each latency is measured from the
 * request's intended start, so a slow answer that delays the sender still counts in full (no coordinated omission).
 * Asynchronous sends on the JDK HttpClient, latencies in an HdrHistogram (microseconds, up to a minute).
 */
final class OpenLoad {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private OpenLoad() {
	}

	/**
	 * Sends {@code rate} requests per second for {@code duration}; {@code request} builds the i-th, {@code ok} says
	 * whether a status is the expected one. Waits up to 30 s for the last answers; an answer still missing is an error.
	 */
	static Outcome run(int rate, Duration duration, IntFunction<HttpRequest> request, IntPredicate ok) {
		Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		int count = schedule(rate, duration, (i, intended) -> {
			CompletableFuture<HttpResponse<Void>> sent = HTTP.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding());
			pending.add(sent.whenComplete((response, failure) -> {
				long micros = (System.nanoTime() - intended) / 1000;
				latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
				if (failure != null || !ok.test(response.statusCode())) {
					errors.incrementAndGet();
				}
			}));
			if (pending.size() > 1000) {
				pending.removeIf(CompletableFuture::isDone);
			}
		});
		long missing = 0;
		for (CompletableFuture<?> future : pending) {
			try {
				future.get(Math.max(1, 30_000 - (System.nanoTime() - start - duration.toNanos()) / 1_000_000),
						TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				if (!future.isDone()) {
					missing++;
				}
			}
		}
		return new Outcome(count, errors.get() + missing, latencies);
	}

	/**
	 * The open model's clock: calls {@code send} {@code rate} times a second for {@code duration}, each at its intended
	 * start (given, in {@link System#nanoTime()}'s terms, for latencies counted from it); returns how many it sent.
	 */
	static int schedule(int rate, Duration duration, Send send) {
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
		int count = (int) (duration.toNanos() / intervalNanos);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long intended = start + i * intervalNanos;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			send.at(i, intended);
		}
		return count;
	}

	/** Sends the i-th request or change, intended to start at {@code intended}; must not wait for its answer. */
	interface Send {

		void at(int i, long intended);

	}

	static HttpRequest.Builder request(String url, String token) {
		return HttpRequest.newBuilder(java.net.URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
	}

	/** What a load got: requests sent, errors (wrong status, failure, no answer) and latencies in microseconds. */
	record Outcome(int sent, long errors, Histogram latencies) {

		double millis(double percentile) {
			return this.latencies.getValueAtPercentile(percentile) / 1000.0;
		}

	}

}
