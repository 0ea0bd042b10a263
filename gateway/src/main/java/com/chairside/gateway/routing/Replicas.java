package com.chairside.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas of one service and which of them are ready. Requests go round robin over the ready ones; a replica
 * whose readiness probe fails, or that refuses a connection, gets no requests until its probe answers again.
 */
final class Replicas {

	private static final Logger log = LoggerFactory.getLogger(Replicas.class);

	private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String service;

	private final List<URI> all;

	private final List<URI> ready;

	private final AtomicInteger next = new AtomicInteger();

	Replicas(String service, String urls) {
		this.service = service;
		this.all = List.of(urls.split("\\s*,\\s*")).stream().map(URI::create).toList();
		// Until the first probe says otherwise, every replica is assumed ready: a gateway that starts before the
		// services must not refuse traffic for a probe interval.
		this.ready = new CopyOnWriteArrayList<>(this.all);
	}

	String service() {
		return this.service;
	}

	List<URI> all() {
		return this.all;
	}

	/** The next ready replica, or empty when none is. */
	Optional<URI> choose() {
		List<URI> candidates = this.ready;
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(candidates.get(Math.floorMod(this.next.getAndIncrement(), candidates.size())));
	}

	/** A replica that refused a connection is out until its probe passes again. */
	void markDown(URI replica) {
		if (this.ready.remove(replica)) {
			log.warn("{} replica {} is not reachable; no requests go to it until it is ready again", this.service, replica);
		}
	}

	/** Asks each replica's readiness probe; called on a schedule. */
	void probe() {
		for (URI replica : this.all) {
			boolean up = ready(replica);
			if (up && !this.ready.contains(replica)) {
				this.ready.add(replica);
				log.info("{} replica {} is ready", this.service, replica);
			}
			else if (!up) {
				markDown(replica);
			}
		}
	}

	private static boolean ready(URI replica) {
		try {
			HttpRequest request = HttpRequest.newBuilder(replica.resolve("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
