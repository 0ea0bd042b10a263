package com.chairside.testsupport.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import com.chairside.testsupport.hostile.HostileCase.Expectation;

import static org.awaitility.Awaitility.await;

/**
 * Drives a running service with every {@link HostileInputs} case its own {@code /v3/api-docs} yields, over real HTTP
 * as one {@link HostileCaller}, and reports what was not refused as problem+json, what showed a record the caller may
 * not read, what the store gained and whether the service is still healthy.
 */
public final class HostileRun {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final String token;

	private final String mongoUri;

	/** Who sends the cases; null for a token of the caller's own making ({@link #against}). */
	private final HostileCaller caller;

	/** Ids of records the caller may not read: no answer may carry one. */
	private final Set<String> unreadable = new HashSet<>();

	private final Set<String> unstoredCollections = new HashSet<>();

	private final List<String> skipped = new ArrayList<>();

	private UnaryOperator<HostileInputs> inputs = UnaryOperator.identity();

	private HostileRun(String baseUrl, String token, String mongoUri, HostileCaller caller) {
		this.baseUrl = baseUrl;
		this.token = token;
		this.mongoUri = mongoUri;
		this.caller = caller;
	}

	/** The service on this machine's {@code port}, called with {@code token}, storing into {@code mongoUri}. */
	public static HostileRun against(int port, String token, String mongoUri) {
		return new HostileRun("http://127.0.0.1:" + port, token, mongoUri, null);
	}

	/**
	 * A Chairside service on {@code port} as {@code caller}: an admin, whom every endpoint lets in, so that each body is
	 * read, or a caller of a region or department, who must get no other region's or department's record whatever the
	 * input (no answer names another {@code region} or {@code department} than theirs). Its audit trail records every
	 * attempt, as it should, and is not counted as stored.
	 */
	public static HostileRun as(HostileCaller caller, int port, String mongoUri) {
		return new HostileRun("http://127.0.0.1:" + port, caller.token(), mongoUri, caller).ignoringCollection("audit");
	}

	/** Records the caller may not read (another region's, say): no answer, a refusal included, may carry their ids. */
	public HostileRun neverShowing(java.util.Collection<String> ids) {
		this.unreadable.addAll(ids);
		return this;
	}

	/**
	 * Leads, accounts, orders or the like of {@code region} that exist: where the caller may not read that region's
	 * sales records ({@link HostileCaller#readsSalesRecordsOf}), no answer may carry their ids.
	 */
	public HostileRun withSalesRecords(String region, String... ids) {
		if (this.caller != null && !this.caller.readsSalesRecordsOf(region)) {
			neverShowing(List.of(ids));
		}
		return this;
	}

	/**
	 * A collection that legitimately changes while hostile requests arrive, such as the audit trail, which records
	 * every write attempt, refused ones included (with the id from the path).
	 */
	public HostileRun ignoringCollection(String collection) {
		this.unstoredCollections.add(collection);
		return this;
	}

	/** Leaves out the operations under {@code prefix}; the caller says why. */
	public HostileRun skippingOperationsUnder(String prefix) {
		this.skipped.add(prefix);
		return this;
	}

	/** Plausible values the service needs in its bodies or paths ({@link HostileInputs#withValue}). */
	public HostileRun shaping(UnaryOperator<HostileInputs> inputs) {
		UnaryOperator<HostileInputs> before = this.inputs;
		this.inputs = (i) -> inputs.apply(before.apply(i));
		return this;
	}

	public Report run() {
		long started = System.nanoTime();
		String marker = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
		if (docs.statusCode() != 200 || !read(docs.body()).has("paths")) {
			throw new IllegalStateException("No OpenAPI document: " + docs.statusCode() + " " + docs.body());
		}
		List<HostileCase> cases = this.inputs.apply(HostileInputs.from(read(docs.body()), marker))
			.cases()
			.stream()
			.filter((c) -> this.skipped.stream().noneMatch((prefix) -> c.operation().split(" ")[1].startsWith(prefix)))
			.toList();
		StoreSnapshot before = settledStore();
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (HostileCase hostile : cases) {
			HttpResponse<String> answer = send(hostile.method(), hostile.path(), hostile.contentType(), hostile.body());
			statuses.merge(answer.statusCode(), 1, Integer::sum);
			String failure = judge(hostile, answer);
			if (failure != null) {
				failures.add(failure + " <- " + hostile);
			}
		}
		List<String> stored = new ArrayList<>(StoreSnapshot.of(this.mongoUri, this.unstoredCollections).changesSince(before));
		StoreSnapshot.documentsContaining(this.mongoUri, marker, this.unstoredCollections).forEach((d) -> stored.add("marked document " + d));
		HttpResponse<String> health = send("GET", "/actuator/health", null, null);
		boolean healthy = health.statusCode() == 200 && read(health.body()).path("status").asString().equals("UP");
		return new Report(cases.size(), HostileInputs.operations(cases).size(), statuses, failures, stored,
				healthy ? "UP" : health.statusCode() + " " + health.body(), Duration.ofNanos(System.nanoTime() - started));
	}

	/** Null when the answer is as it should be, else what is wrong with it. */
	private String judge(HostileCase hostile, HttpResponse<String> answer) {
		String failure = judgeAnswer(hostile, answer);
		if (failure == null) {
			failure = shownUnreadable(answer.body());
		}
		if (failure == null && hostile.honestPath() != null && answer.statusCode() < 300) {
			// Judged on what came back too: an obeyed operator would list records the honest read does not, and a
			// read refused to the caller must stay refused whatever its parameters.
			HttpResponse<String> honest = send(hostile.method(), hostile.honestPath(), null, null);
			if (honest.statusCode() >= 400) {
				return "answered " + answer.statusCode() + " where " + hostile.honestPath() + " is refused with "
						+ honest.statusCode();
			}
			int listed = records(answer.body());
			int honestly = (honest.statusCode() < 300) ? records(honest.body()) : 0;
			if (listed > honestly) {
				return "listed " + listed + " records where " + hostile.honestPath() + " lists " + honestly;
			}
		}
		return failure;
	}

	/**
	 * The records an answer lists: the elements of a JSON array, or of the first array among an object's
	 * {@code items}, {@code content}, {@code data} or {@code results}; one for an object with an {@code id}.
	 */
	static int records(String body) {
		JsonNode json = read(body);
		if (json.isArray()) {
			return json.size();
		}
		for (String field : List.of("items", "content", "data", "results")) {
			if (json.path(field).isArray()) {
				return json.path(field).size();
			}
		}
		return json.has("id") ? 1 : 0;
	}

	/**
	 * Null when {@code body} shows nothing the caller may not read, else what it shows: the id of a record named in
	 * {@link #neverShowing}, or a {@code region} or {@code department} other than the caller's own.
	 */
	private String shownUnreadable(String body) {
		if (body == null) {
			return null;
		}
		for (String id : this.unreadable) {
			if (body.contains(id)) {
				return "shows record " + id + ", which " + this.caller + " may not read: " + abbreviate(body);
			}
		}
		if (this.caller == null) {
			return null;
		}
		JsonNode json = read(body);
		for (String[] field : new String[][] { { "region", this.caller.region() },
				{ "department", this.caller.department() } }) {
			if (field[1] == null) {
				continue;
			}
			for (JsonNode value : json.findValues(field[0])) {
				if (value.isValueNode() && !value.isNull() && !value.asString().equals(field[1])) {
					return "shows " + field[0] + " " + value.asString() + " to " + this.caller + " of " + field[1] + ": "
							+ abbreviate(body);
				}
			}
		}
		return null;
	}

	private static String judgeAnswer(HostileCase hostile, HttpResponse<String> answer) {
		int status = answer.statusCode();
		boolean refused = status >= 400 && status < 500;
		if (status >= 500) {
			return status + " " + abbreviate(answer.body());
		}
		if (status == 401) {
			return "401 for a valid token: the input made the caller unknown " + abbreviate(answer.body());
		}
		if (!refused && (hostile.expectation() == Expectation.REFUSED || status >= 300)) {
			return "accepted with " + status + " " + abbreviate(answer.body());
		}
		if (refused) {
			String type = answer.headers().firstValue("Content-Type").orElse("");
			if (!type.startsWith("application/problem+json")) {
				return status + " as '" + type + "' " + abbreviate(answer.body());
			}
			JsonNode problem = read(answer.body());
			if (problem.path("status").asInt(0) != status) {
				return status + " with a problem that says status " + problem.path("status");
			}
		}
		return null;
	}

	/** The store once the service's own background work (relays, consumers) has stopped changing it. */
	private StoreSnapshot settledStore() {
		StoreSnapshot[] last = { StoreSnapshot.of(this.mongoUri, this.unstoredCollections) };
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			StoreSnapshot now = StoreSnapshot.of(this.mongoUri, this.unstoredCollections);
			boolean settled = now.equals(last[0]);
			last[0] = now;
			return settled;
		});
		return last[0];
	}

	private HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization", "Bearer " + this.token)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode read(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	private static String abbreviate(String text) {
		return (text == null || text.length() <= 300) ? text : text.substring(0, 300) + "...";
	}

	/**
	 * What a run found: {@code cases} requests against {@code operations} operations, the answers by status, every
	 * answer that was not a refusal as problem+json, every change to the store, and the health at the end.
	 */
	public record Report(int cases, int operations, Map<Integer, Integer> statuses, List<String> failures,
			List<String> stored, String health, Duration took) {

		/** Prints the report (the count of cases goes into the test's output) and asserts that it found nothing. */
		public void assertNothingGotThrough(String service) {
			System.out.println(service + ": " + this);
			org.assertj.core.api.Assertions.assertThat(this.operations).as("operations found in the API document").isPositive();
			org.assertj.core.api.Assertions.assertThat(this.failures).as("answers that are no 4xx problem+json").isEmpty();
			org.assertj.core.api.Assertions.assertThat(this.stored).as("what the store gained").isEmpty();
			org.assertj.core.api.Assertions.assertThat(this.health).as("health afterwards").isEqualTo("UP");
		}

		@Override
		public String toString() {
			return this.cases + " hostile cases against " + this.operations + " operations in " + this.took.toMillis()
					+ " ms; answers by status " + this.statuses + "; " + this.failures.size() + " not refused properly; "
					+ this.stored.size() + " store changes; health " + this.health;
		}

	}

}
