package com.chairside.gateway.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.gateway.routing.ServiceReplicas;
import com.chairside.platform.web.InvalidFieldException;

/**
 * {@code GET /api/search?q=&type=lead|account|order&size=}: asks lead-, account- and order-service (or the one
 * {@code type} names) at once, each on a ready replica with the caller's token, so each applies its own role and
 * region rules; merges their hits by score, best first, and answers the first {@code size}. Personal data stays in
 * the services that own it, and what was written a moment ago is found. A service that cannot answer in time is left
 * out, named in {@code unavailable} and logged: the others' hits still come back with 200. A service that refuses
 * the caller's role (401/403) simply contributes nothing.
 */
@RestController
class Search {

	static final int MAX_LENGTH = 200;

	static final int MAX_SIZE = 50;

	static final int DEFAULT_SIZE = 20;

	private static final Logger log = LoggerFactory.getLogger(Search.class);

	/** Each kind of record, the service that owns it and its search there. */
	private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("lead", new Kind("lead-service", "/api/leads/search"));
		KINDS.put("account", new Kind("account-service", "/api/accounts/search"));
		KINDS.put("order", new Kind("order-service", "/api/orders/search"));
	}

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ServiceReplicas replicas;

	private final JsonMapper json;

	private final Tracer tracer;

	private final Propagator propagator;

	Search(ServiceReplicas replicas, JsonMapper json, Tracer tracer, Propagator propagator) {
		this.replicas = replicas;
		this.json = json;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		check(q, type, size);
		int limit = (size != null) ? size : DEFAULT_SIZE;
		String query = "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=" + limit;
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		Span span = this.tracer.currentSpan();
		Map<String, CompletableFuture<Answer>> asked = new LinkedHashMap<>();
		KINDS.forEach((name, kind) -> {
			if (type == null || type.equals(name)) {
				asked.put(kind.service(), ask(kind, query, authorization, span));
			}
		});
		List<JsonNode> hits = new ArrayList<>();
		List<String> unavailable = new ArrayList<>();
		asked.forEach((service, answer) -> {
			Answer answered = answer.join();
			if (answered.hits() == null) {
				unavailable.add(service);
				log.warn("Search answered without {}: {}", service, answered.problem());
			}
			else {
				hits.addAll(answered.hits());
			}
		});
		List<Map<String, Object>> items = hits.stream()
			.sorted(Comparator.comparingDouble((JsonNode hit) -> hit.path("score").asDouble())
				.reversed()
				.thenComparing((hit) -> hit.path("title").asString("")))
			.limit(limit)
			.map(Search::item)
			.toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", items);
		answer.put("unavailable", unavailable);
		return answer;
	}

	private static void check(String q, String type, Integer size) {
		if (q == null || q.isBlank()) {
			throw new InvalidFieldException("q", "is required: the text to search for");
		}
		if (q.length() > MAX_LENGTH) {
			throw new InvalidFieldException("q", "must be at most " + MAX_LENGTH + " characters");
		}
		if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
			throw new InvalidFieldException("q", "must contain a letter or a digit");
		}
		if (type != null && !KINDS.containsKey(type)) {
			throw new InvalidFieldException("type", "must be one of " + String.join(", ", KINDS.keySet()));
		}
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	/** Asks one service, within the trace of the search request ({@code span}), so its spans join it. */
	private CompletableFuture<Answer> ask(Kind kind, String query, String authorization, Span span) {
		Optional<URI> replica = this.replicas.readyReplicaOf(kind.service());
		if (replica.isEmpty()) {
			return CompletableFuture.completedFuture(Answer.unavailable("no ready replica"));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(replica.get().resolve(kind.path() + query))
			.timeout(TIMEOUT)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		if (span != null) {
			this.propagator.inject(span.context(), request, HttpRequest.Builder::header);
		}
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.thenApply(this::read)
			.exceptionally((ex) -> {
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				return Answer.unavailable(replica.get() + ": " + cause);
			});
	}

	private Answer read(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			return new Answer(List.of(), null);
		}
		if (status != 200) {
			return Answer.unavailable("answered " + status);
		}
		try {
			List<JsonNode> hits = new ArrayList<>();
			this.json.readTree(response.body()).path("items").forEach(hits::add);
			return new Answer(hits, null);
		}
		catch (RuntimeException ex) {
			return Answer.unavailable("answered what is not JSON: " + ex.getMessage());
		}
	}

	/** The item as the sales UI reads it: the services' score only orders the merge. */
	private static Map<String, Object> item(JsonNode hit) {
		Map<String, Object> item = new LinkedHashMap<>();
		for (String field : List.of("type", "id", "title", "subtitle", "region")) {
			JsonNode value = hit.path(field);
			item.put(field, value.isNull() || value.isMissingNode() ? null : value.asString());
		}
		return item;
	}

	private record Kind(String service, String path) {
	}

	/** A service's hits, or null and why it could not give them. */
	private record Answer(List<JsonNode> hits, String problem) {

		static Answer unavailable(String problem) {
			return new Answer(null, problem);
		}

	}

}
