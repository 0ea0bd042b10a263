package com.chairside.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region's book of business for the console benchmark, put in through the API as people would: a team of account
 * managers, each importing their leads as one CSV file (an account manager's import is theirs and in their region),
 * then opening their accounts one by one, the managers taking turns. Practices are named "{surname} {kind}" in one of 200 towns; each surname is
 * shared by about seven records across leads and accounts, so that searching for one finds a handful. E-mails,
 * phones and postal codes are unique: no row is a duplicate of another.
 */
final class SalesRecords {

	static final String REGION = "NORTHEAST";

	/** Records per surname, leads and accounts together: what a search for a surname finds. */
	static final int PER_SURNAME = 7;

	private static final String[] FIRST = { "Hal", "Mor", "Ben", "Cal", "Dra", "Eck", "Fen", "Gar", "Hol", "Ivo",
			"Jar", "Kel", "Lan", "Mel", "Nor", "Ost", "Pel", "Quin", "Ros", "Sal", "Tam", "Ulm", "Vor", "Wes", "Yar",
			"Zan" };

	private static final String[] MIDDLE = { "ver", "den", "ris", "lan", "to", "mar", "vel", "bri", "nes", "go",
			"ka", "pen" };

	private static final String[] LAST = { "sen", "berg", "ley", "ton", "ard", "ick", "wood", "more", "dale", "vik" };

	private static final String[] TOWN_ROOTS = { "North", "West", "Green", "Spring", "Fair", "Brook", "Oak", "Maple",
			"Cedar", "River", "Lake", "Stone", "Mill", "Glen", "Pine", "Elm", "Ash", "Bay", "Hill", "Wood" };

	private static final String[] TOWN_ENDS = { "field", "ton", "ville", "bury", "ford", "port", "haven", "mouth",
			"wick", "stead" };

	private static final String[] KINDS = { "Dental", "Orthodontics", "Family Dentistry", "Oral Surgery",
			"Smiles", "Dental Care", "Pediatric Dentistry" };

	private static final String[] SPECIALTIES = { "GENERAL_DENTISTRY", "ORTHODONTICS", "GENERAL_DENTISTRY",
			"ORAL_SURGERY", "GENERAL_DENTISTRY", "GENERAL_DENTISTRY", "PEDIATRIC_DENTISTRY" };

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Accounts opened at once. Few: more only queue at the embedded store, and a store that falls behind fails the
	 * services' readiness, which takes them out of the gateway's routing for a while.
	 */
	private static final int OPENING = 2;

	/** How often a refused open (429 over pace, 503 while the service is out of routing) is tried again, a second apart. */
	private static final int TRIES = 60;

	private final String gateway;

	private final List<Manager> team;

	private final int leads;

	private final int accounts;

	private final List<String> surnames;

	/**
	 * @param team the account managers, each with a token of theirs; leads and accounts are shared out evenly
	 */
	SalesRecords(String gateway, List<Manager> team, int leads, int accounts) {
		this.gateway = gateway;
		this.team = team;
		this.leads = leads;
		this.accounts = accounts;
		int count = Math.max(1, Math.min(FIRST.length * MIDDLE.length * LAST.length, (leads + accounts) / PER_SURNAME));
		this.surnames = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			this.surnames.add(FIRST[i % FIRST.length] + MIDDLE[(i / FIRST.length) % MIDDLE.length]
					+ LAST[(i / (FIRST.length * MIDDLE.length)) % LAST.length]);
		}
	}

	/** The surnames the practices carry: search terms that each find about {@link #PER_SURNAME} records. */
	List<String> surnames() {
		return this.surnames;
	}

	/**
	 * Imports the leads (one file per account manager, one after another), then opens the accounts (the managers in turn,
	 * {@link #OPENING} at a time); returns how long each took, in seconds, and the rates.
	 */
	Map<String, Object> put() throws Exception {
		Map<String, Object> figures = new LinkedHashMap<>();
		long started = System.nanoTime();
		for (int m = 0; m < this.team.size(); m++) {
			awaitImport(this.team.get(m), startImport(this.team.get(m), share(this.leads, m)), share(this.leads, m));
		}
		double importSeconds = (System.nanoTime() - started) / 1e9;
		figures.put("leadImportSeconds", Result.round(importSeconds));
		figures.put("leadsImportedPerSecond", Result.round(this.leads / importSeconds));
		long opening = System.nanoTime();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger retries = new AtomicInteger();
		ExecutorService openers = Executors.newFixedThreadPool(OPENING);
		try {
			List<Future<?>> opened = new ArrayList<>();
			for (int o = 0; o < OPENING; o++) {
				opened.add(openers.submit(() -> {
					for (int i = next.getAndIncrement(); i < this.accounts; i = next.getAndIncrement()) {
						retries.addAndGet(openAccount(i));
					}
					return null;
				}));
			}
			for (Future<?> done : opened) {
				done.get();
			}
		}
		finally {
			openers.shutdownNow();
		}
		double openSeconds = (System.nanoTime() - opening) / 1e9;
		figures.put("accountOpenSeconds", Result.round(openSeconds));
		figures.put("accountsOpenedPerSecond", Result.round(this.accounts / openSeconds));
		figures.put("accountOpensRetried", retries.get());
		return figures;
	}

	/** Manager {@code m}'s part of {@code total}: the first ones take the remainder. */
	private int share(int total, int m) {
		int size = this.team.size();
		return total / size + ((m < total % size) ? 1 : 0);
	}

	/** The offset of manager {@code m}'s first record of {@code total} (so that every record has its own number). */
	private int first(int total, int m) {
		int offset = 0;
		for (int i = 0; i < m; i++) {
			offset += share(total, i);
		}
		return offset;
	}

	private String startImport(Manager manager, int rows) throws Exception {
		int m = this.team.indexOf(manager);
		StringBuilder csv = new StringBuilder("practiceName,specialty,source,street,postalCode,city,country,email,phone,"
				+ "productInterests,estimatedValue.amount,estimatedValue.currency\n");
		for (int i = first(this.leads, m), end = i + rows; i < end; i++) {
			Practice practice = practice(i);
			csv.append(String.join(",", practice.name(), practice.specialty(), "CONFERENCE", (10 + i % 890) + " Main Street",
					postalCode(i), practice.town(), "US", "front.desk." + i + "@lead.example", phone(i),
					"TREATMENT_CHAIR|DELIVERY_UNIT", (20_000 + (i % 80) * 1_000) + ".00", "USD"))
				.append('\n');
		}
		HttpResponse<String> answer = HTTP.send(request("/api/leads/imports", manager.token())
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 202) {
			throw new IllegalStateException("The import of " + manager.user() + " answered " + answer.statusCode() + ": "
					+ answer.body());
		}
		return JSON.readTree(answer.body()).path("id").asString();
	}

	private void awaitImport(Manager manager, String id, int rows) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
		while (true) {
			HttpResponse<String> answer = send(request("/api/leads/imports/" + id, manager.token()).GET().build());
			if (answer.statusCode() != 200 && answer.statusCode() != 503) {
				throw new IllegalStateException("The import's progress answered " + answer.statusCode() + ": "
						+ answer.body());
			}
			// 503: lead-service is out of the gateway's routing while the store catches up; it comes back
			JsonNode progress = (answer.statusCode() == 200) ? JSON.readTree(answer.body()) : JSON.createObjectNode();
			if ("DONE".equals(progress.path("status").asString())) {
				if (progress.path("created").asLong() != rows) {
					throw new IllegalStateException("The import of " + manager.user() + " created "
							+ progress.path("created").asLong() + " of " + rows + " leads: " + progress);
				}
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The import of " + manager.user() + " is not done after 20 minutes: "
						+ progress);
			}
			Stack.pause(Duration.ofMillis(500));
		}
	}

	/** Opens account {@code i} as manager {@code i % team}; how many times it was refused before it was opened. */
	private int openAccount(int i) {
		Manager manager = this.team.get(i % this.team.size());
		// account numbers follow the leads', so that names and towns go on round the lists
		Practice practice = practice(this.leads + i);
		String body = """
				{"name":"%s","specialty":"%s","city":"%s","country":"US"}"""
			.formatted(practice.name(), practice.specialty(), practice.town());
		for (int refused = 0; refused < TRIES; refused++) {
			HttpResponse<String> answer = send(request("/api/accounts", manager.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			if (answer.statusCode() == 201) {
				return refused;
			}
			if (answer.statusCode() != 429 && answer.statusCode() != 503) {
				throw new IllegalStateException("Opening an account as " + manager.user() + " answered "
						+ answer.statusCode() + ": " + answer.body());
			}
			Stack.pause(Duration.ofSeconds(1));
		}
		throw new IllegalStateException("Opening an account as " + manager.user() + " was refused " + TRIES + " times");
	}

	/** Record {@code i}'s practice: surnames go round so that each is shared by about {@link #PER_SURNAME}. */
	private Practice practice(int i) {
		String surname = this.surnames.get(i % this.surnames.size());
		int kind = (i / this.surnames.size()) % KINDS.length;
		String town = TOWN_ROOTS[i % TOWN_ROOTS.length] + TOWN_ENDS[(i / TOWN_ROOTS.length) % TOWN_ENDS.length];
		return new Practice(surname + " " + KINDS[kind], SPECIALTIES[kind], town);
	}

	private static String postalCode(int i) {
		return "0%04d-%04d".formatted(1000 + i % 9000, i);
	}

	private static String phone(int i) {
		return "+1 617 %03d %04d".formatted(200 + (i / 10_000) % 800, i % 10_000);
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofMinutes(2))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	/** The answer, whatever its status. */
	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An account manager of the region and a token of theirs. */
	record Manager(String user, String token) {
	}

	private record Practice(String name, String specialty, String town) {
	}

}
