package com.chairside.lead.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * account-service as lead-service's conversion sees it, over real HTTP, answering its documented contract:
 * {@code GET /api/accounts/{id}} ({@code id}, {@code name}, {@code region}; 404 when unknown) and
 * {@code GET /api/accounts/matches} (same e-mail case aside, same phone digits, or same name and postal code letters
 * and digits; narrowed to {@code region}). account-service's own tests check its side of the same contract. One per
 * test JVM, put in every lead-service test context by {@link Initializer} (META-INF/spring.factories); it can be
 * stopped and started again on its port, as account-service going away and coming back.
 */
public final class AccountServiceStub {

	private static AccountServiceStub instance;

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> traceparents = new CopyOnWriteArrayList<>();

	private final int port;

	private HttpServer server;

	private AccountServiceStub() throws IOException {
		this.server = serve(0);
		this.port = this.server.getAddress().getPort();
	}

	public static synchronized AccountServiceStub get() {
		if (instance == null) {
			try {
				instance = new AccountServiceStub();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start the account-service stand-in", ex);
			}
		}
		return instance;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** An account that account-service has. */
	public void add(Account account) {
		this.accounts.put(account.id(), account);
	}

	/** The Authorization headers received, oldest first. */
	public List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	/** The W3C traceparent headers received, oldest first. */
	public List<String> traceparents() {
		return List.copyOf(this.traceparents);
	}

	/** account-service goes away: its port refuses connections. */
	public synchronized void stop() {
		this.server.stop(0);
	}

	/** account-service is back, on the same port. */
	public synchronized void start() throws IOException {
		this.server = serve(this.port);
	}

	private HttpServer serve(int port) throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		http.createContext("/api/accounts/", this::answer);
		http.start();
		return http;
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		this.traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/api/accounts/matches")) {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			List<String> items = this.accounts.values()
				.stream()
				.filter((a) -> query.get("region") == null || query.get("region").equals(a.region()))
				.map((a) -> Map.entry(a, a.matchedOn(query)))
				.filter((e) -> !e.getValue().isEmpty())
				.map((e) -> """
						{"accountId":"%s","name":"%s","region":"%s","owner":"am.northeast","status":"PROSPECT","matchedOn":[%s]}"""
					.formatted(e.getKey().id(), e.getKey().name(), e.getKey().region(),
							e.getValue().stream().map((m) -> "\"" + m + "\"").collect(Collectors.joining(","))))
				.toList();
			send(exchange, 200, "{\"items\":[" + String.join(",", items) + "],\"total\":" + items.size() + "}");
			return;
		}
		Account account = this.accounts.get(path.substring("/api/accounts/".length()));
		if (account == null) {
			send(exchange, 404, "{\"status\":404,\"title\":\"Not Found\"}");
			return;
		}
		send(exchange, 200, """
				{"id":"%s","name":"%s","region":"%s","status":"PROSPECT"}""".formatted(account.id(), account.name(),
				account.region()));
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
			}
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** An account of the stand-in, with what it is matched on. */
	public record Account(String id, String name, String region, String email, String phone, String postalCode) {

		List<String> matchedOn(Map<String, String> query) {
			List<String> matched = new ArrayList<>();
			if (this.email != null && this.email.equalsIgnoreCase(query.get("email"))) {
				matched.add("EMAIL");
			}
			if (this.phone != null && digits(this.phone).equals(digits(query.get("phone")))) {
				matched.add("PHONE");
			}
			if (this.name != null && this.postalCode != null && plain(this.name).equals(plain(query.get("name")))
					&& plain(this.postalCode).equals(plain(query.get("postalCode")))) {
				matched.add("NAME_AND_POSTAL_CODE");
			}
			return matched;
		}

		private static String digits(String value) {
			return (value != null) ? value.replaceAll("[^0-9]", "") : "";
		}

		private static String plain(String value) {
			return (value != null) ? value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") : "";
		}

	}

	/** Points a lead-service test context at the stand-in. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("chairside.leads.account-service.url=" + get().url()).applyTo(context);
		}

	}

}
