package com.chairside.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's first screen for a signed-in account manager, fetched as a browser with an empty cache fetches it:
 * the page, its stylesheets and its script modules level by level (each module's static imports once it has arrived),
 * then {@code GET /api/me} (app.js asks before anything else), then the landing screen's module and its imports, then
 * the API calls "my day" makes, in the order and with the concurrency of screens/my-day.js (its four sections at once,
 * per-item look-ups four at a time). At most six requests are in flight, a browser's connections to one host over
 * HTTP/1.1. The files are read from the gateway each time, so a change to the console's modules is followed; the API
 * calls are my-day.js's, written out here.
 */
final class FirstScreen {

	/** Where an account manager lands (app.js: the first entry of the role's navigation). */
	static final String LANDING = "/console/screens/my-day.js";

	/** What screens/my-day.js asks the API for (GET), without queries and ids; records.js's look-ups besides. */
	static final List<String> MY_DAY = List.of(Api.OVERDUE, Api.LEADS, Api.DEMOS, Api.NOTIFICATIONS);

	/** A browser's connections to one host over HTTP/1.1. */
	private static final int CONNECTIONS = 6;

	/** my-day.js's eachLimited(items, 4, ...): per-item look-ups four at a time. */
	private static final int PER_ITEM = 4;

	static final Pattern STYLESHEET = Pattern.compile("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"");

	static final Pattern SCRIPT = Pattern.compile("<script[^>]*type=\"module\"[^>]*src=\"([^\"]+)\"");

	/** A static import (`import { a } from './x.js';` or `import './x.js';`); dynamic import() is not one. */
	static final Pattern IMPORT = Pattern.compile("^import\\s+(?:[^;]*?\\sfrom\\s+)?'([^']+)'",
			Pattern.MULTILINE);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI gateway;

	private final String token;

	private final Connections connections = new Connections();

	/** The module map: each module fetched once per page, however many modules import it. */
	private final Map<URI, CompletableFuture<Void>> modules = new ConcurrentHashMap<>();

	/** records.js's cache: each record read once per page. */
	private final Map<String, CompletableFuture<JsonNode>> records = new ConcurrentHashMap<>();

	private final AtomicInteger files = new AtomicInteger();

	private final AtomicInteger calls = new AtomicInteger();

	private FirstScreen(String gateway, String token) {
		this.gateway = URI.create(gateway + "/");
		this.token = token;
	}

	/** Loads the first screen once for the holder of {@code token}, {@code user} by name; how many requests it made. */
	static Requests load(String gateway, String token, String user) {
		FirstScreen page = new FirstScreen(gateway, token);
		page.page(user).join();
		return new Requests(page.files.get(), page.calls.get());
	}

	private CompletableFuture<Void> page(String user) {
		return file(this.gateway).thenCompose((html) -> {
			CompletableFuture<Void> styles = all(found(STYLESHEET, html), (href) -> file(this.gateway.resolve(href))
				.thenApply((css) -> null));
			CompletableFuture<Void> screen = all(found(SCRIPT, html), (src) -> module(this.gateway.resolve(src)))
				.thenCompose((loaded) -> json("/api/me"))
				.thenCompose((me) -> module(this.gateway.resolve(LANDING)))
				.thenCompose((loaded) -> myDay(user));
			return CompletableFuture.allOf(styles, screen);
		});
	}

	/** A module and, once it has arrived, its static imports (and theirs), as the browser's module loader does. */
	private CompletableFuture<Void> module(URI address) {
		CompletableFuture<Void> loading = new CompletableFuture<>();
		CompletableFuture<Void> earlier = this.modules.putIfAbsent(address, loading);
		if (earlier != null) {
			return earlier;
		}
		file(address).thenCompose((source) -> all(found(IMPORT, source), (specifier) -> module(address.resolve(specifier))))
			.whenComplete((done, failure) -> {
				if (failure != null) {
					loading.completeExceptionally(failure);
				}
				else {
					loading.complete(null);
				}
			});
		return loading;
	}

	/** screens/my-day.js's render: its four sections at once, each with its own follow-up calls. */
	private CompletableFuture<Void> myDay(String user) {
		String owner = URLEncoder.encode(user, StandardCharsets.UTF_8);
		CompletableFuture<Void> overdue = json(Api.OVERDUE)
			.thenCompose((answer) -> each(answer.path("items"), (activity) -> {
				if (!activity.path("accountId").isMissingNode() && !activity.path("accountId").isNull()) {
					return record(Api.ACCOUNTS + "/" + activity.path("accountId").asString());
				}
				if (!activity.path("leadId").isMissingNode() && !activity.path("leadId").isNull()) {
					return record(Api.LEADS + "/" + activity.path("leadId").asString());
				}
				return CompletableFuture.completedFuture(null);
			}));
		CompletableFuture<Void> followUps = CompletableFuture.allOf(
				json(Api.LEADS + "?status=NEW&owner=" + owner + "&size=20"),
				json(Api.LEADS + "?status=CONTACTED&owner=" + owner + "&size=20"));
		CompletableFuture<JsonNode> demos = json(Api.DEMOS + "?" + demosThisWeek(LocalDate.now(), ZoneId.systemDefault()));
		CompletableFuture<JsonNode> risk = json(Api.NOTIFICATIONS + "?eventType=DeliveryCommitmentAtRisk&size=100");
		CompletableFuture<JsonNode> missed = json(Api.NOTIFICATIONS + "?eventType=DeliveryCommitmentMissed&size=100");
		CompletableFuture<Void> atRisk = risk.thenCombine(missed, (r, m) -> flagged(m, r))
			.thenCompose((orders) -> each(orders, (orderId) -> record(Api.ORDERS + "/" + orderId.asString())
				.thenCompose((order) -> record(Api.ACCOUNTS + "/" + order.path("accountId").asString()))));
		return CompletableFuture.allOf(overdue, followUps, demos, atRisk);
	}

	/**
	 * my-day.js's query for the week's demos: the caller's, from the reader's midnight today to the same time seven
	 * days on.
	 */
	static String demosThisWeek(LocalDate today, ZoneId zone) {
		return "owner=me&from=" + today.atStartOfDay(zone).toInstant() + "&until="
				+ today.plusDays(7).atStartOfDay(zone).toInstant();
	}

	/** The orders the notifications name, each once (missed first, as my-day.js reads them). */
	private static JsonNode flagged(JsonNode missed, JsonNode risk) {
		var orders = JSON.createArrayNode();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (JsonNode answer : List.of(missed, risk)) {
			for (JsonNode notification : answer.path("items")) {
				String order = notification.path("orderId").asString("");
				if (!order.isEmpty() && seen.add(order)) {
					orders.add(order);
				}
			}
		}
		return orders;
	}

	/** records.js: a record read once for the page's life. */
	private CompletableFuture<JsonNode> record(String path) {
		return this.records.computeIfAbsent(path, this::json);
	}

	/** my-day.js's eachLimited: {@code work} over the items, at most four at a time. */
	private static CompletableFuture<Void> each(JsonNode items, Function<JsonNode, CompletableFuture<?>> work) {
		List<JsonNode> list = new ArrayList<>();
		items.forEach(list::add);
		AtomicInteger next = new AtomicInteger();
		return CompletableFuture.allOf(IntStream.range(0, Math.min(PER_ITEM, list.size()))
			.mapToObj((runner) -> lane(list, next, work))
			.toArray(CompletableFuture[]::new));
	}

	private static CompletableFuture<Void> lane(List<JsonNode> items, AtomicInteger next,
			Function<JsonNode, CompletableFuture<?>> work) {
		int i = next.getAndIncrement();
		if (i >= items.size()) {
			return CompletableFuture.completedFuture(null);
		}
		return work.apply(items.get(i)).thenCompose((done) -> lane(items, next, work));
	}

	private static <T> CompletableFuture<Void> all(List<T> items, Function<T, CompletableFuture<?>> work) {
		return CompletableFuture.allOf(items.stream().map(work).toArray(CompletableFuture[]::new));
	}

	static List<String> found(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private CompletableFuture<String> file(URI address) {
		this.files.incrementAndGet();
		return this.connections.send(request(address).header("Accept", "*/*").build());
	}

	private CompletableFuture<JsonNode> json(String path) {
		this.calls.incrementAndGet();
		return this.connections.send(request(this.gateway.resolve(path))
			.header("Accept", "application/json, application/problem+json")
			.build()).thenApply(JSON::readTree);
	}

	private HttpRequest.Builder request(URI address) {
		return HttpRequest.newBuilder(address)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token);
	}

	/** The API's paths the first screen reads. */
	static final class Api {

		static final String OVERDUE = "/api/activities/overdue";

		static final String LEADS = "/api/leads";

		static final String ACCOUNTS = "/api/accounts";

		static final String DEMOS = "/api/demos";

		static final String NOTIFICATIONS = "/api/notifications";

		static final String ORDERS = "/api/orders";

		private Api() {
		}

	}

	/** What one first screen asked for: files (page, stylesheets, modules) and API calls. */
	record Requests(int files, int calls) {
	}

	/** At most {@link #CONNECTIONS} requests in flight; the others wait their turn, first come first served. */
	private static final class Connections {

		private final Deque<Runnable> waiting = new ArrayDeque<>();

		private int free = CONNECTIONS;

		/** The body of a 200 answer; anything else fails the page, as the screen would show an error. */
		CompletableFuture<String> send(HttpRequest request) {
			CompletableFuture<String> body = new CompletableFuture<>();
			Runnable go = () -> HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					release();
					if (failure != null) {
						body.completeExceptionally(failure);
					}
					else if (response.statusCode() != 200) {
						body.completeExceptionally(new IllegalStateException(request.method() + " " + request.uri()
								+ " answered " + response.statusCode() + ": " + abbreviated(response.body())));
					}
					else {
						body.complete(response.body());
					}
				});
			boolean now;
			synchronized (this) {
				now = this.free > 0;
				if (now) {
					this.free--;
				}
				else {
					this.waiting.add(go);
				}
			}
			if (now) {
				go.run();
			}
			return body;
		}

		private void release() {
			Runnable next;
			synchronized (this) {
				next = this.waiting.poll();
				if (next == null) {
					this.free++;
				}
			}
			if (next != null) {
				next.run();
			}
		}

		private static String abbreviated(String body) {
			return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
		}

	}

}
