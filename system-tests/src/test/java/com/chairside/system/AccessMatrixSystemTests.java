package com.chairside.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, through the gateway, for every endpoint that any service documents: the rows of
 * {@code access-matrix.txt} give the answer for each role, and what an account manager of NORTHEAST gets for a record
 * of PACIFIC. An endpoint documented by a service without a row fails this test (and so the build), as does a row
 * for an endpoint that no longer exists.
 * <p>
 * Requests that change something address a record that does not exist (or a region of nobody's), so that the matrix
 * changes nothing that other tests rely on: a refused role answers 403 before anything is looked up (the roles are
 * checked in the filter chain), an allowed one gets whatever the endpoint says of a missing record or an empty body.
 */
@Order(5)
class AccessMatrixSystemTests {

	static final List<String> ROLES = List.of("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "DEPARTMENT", "ADMIN");

	static final String MISSING = "5f5f5f5f5f5f5f5f5f5f5f5f";

	static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	static Suite suite;

	static final Map<String, Api> callers = new LinkedHashMap<>();

	/** Records of the account manager's own region (NORTHEAST) and of another (PACIFIC), by kind. */
	static final Map<String, String> own = new LinkedHashMap<>();

	static final Map<String, String> other = new LinkedHashMap<>();

	@BeforeAll
	static void start() {
		suite = Suite.get();
		callers.put("ACCOUNT_MANAGER", suite.accountManager("NORTHEAST"));
		callers.put("SALES_MANAGER", suite.gateway(suite.token("sm.matrix", "SALES_MANAGER", "NORTHEAST", null)));
		callers.put("SALES_ADMIN", suite.gateway(suite.token("sa.matrix", "SALES_ADMIN", null, null)));
		callers.put("DEPARTMENT", suite.gateway(suite.token("production.matrix", "DEPARTMENT", null, "PRODUCTION")));
		callers.put("ADMIN", suite.gateway(suite.token("admin.matrix", "ADMIN", null, null)));
		records(suite.accountManager("NORTHEAST"), own);
		records(suite.accountManager("PACIFIC"), other);
	}

	private static void records(Api api, Map<String, String> ids) {
		Api.Response lead = api.post("/api/leads", """
				{"practiceName":"Matrix Dental %s","specialty":"PEDIATRIC_DENTISTRY","source":"INBOUND_WEB",
				 "city":"Springfield","country":"US"}""".formatted(System.nanoTime()));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		ids.put("leads", lead.field("id"));
		Api.Response account = api.post("/api/accounts", """
				{"name":"Matrix Account %s","specialty":"PEDIATRIC_DENTISTRY","city":"Springfield","country":"US"}"""
			.formatted(System.nanoTime()));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		ids.put("accounts", account.field("id"));
		Api.Response order = api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-06-01"}"""
			.formatted(ids.get("accounts")));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		ids.put("orders", order.field("id"));
	}

	@Test
	void everyDocumentedEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
		Set<String> documented = documentedEndpoints();
		Set<String> rows = new TreeSet<>(matrix().keySet());
		Set<String> missing = new TreeSet<>(documented);
		missing.removeAll(rows);
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(documented);
		assertThat(missing).as("endpoints without a row in access-matrix.txt (add one per endpoint)").isEmpty();
		assertThat(stale).as("rows of access-matrix.txt for endpoints no service documents").isEmpty();
	}

	@Test
	void eachRoleGetsTheAnswerItsRowGives() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, List<String>> row : matrix().entrySet()) {
			String method = row.getKey().split(" ")[0];
			String path = row.getKey().split(" ")[1];
			for (int i = 0; i < ROLES.size(); i++) {
				String expected = row.getValue().get(i);
				Api.Response answer = call(callers.get(ROLES.get(i)), method, concrete(method, path, own));
				if (!matches(expected, answer.status())) {
					wrong.add(row.getKey() + " as " + ROLES.get(i) + ": expected " + expected + ", got " + answer.status());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anAccountManagerNeverSeesAnotherRegionsRecords() throws IOException {
		Api accountManager = callers.get("ACCOUNT_MANAGER");
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, List<String>> row : matrix().entrySet()) {
			String expected = row.getValue().get(ROLES.size());
			String method = row.getKey().split(" ")[0];
			String path = row.getKey().split(" ")[1];
			if (expected.equals("404")) {
				// No hint that it exists: the same answer as for a record that does not exist, 404 where it is read.
				int status = call(accountManager, method, concrete("GET", path, other)).status();
				int missing = call(accountManager, method, concrete(method, path, Map.of())).status();
				if (status != missing || (method.equals("GET") && status != 404)) {
					wrong.add(row.getKey() + " for another region's record: got " + status + ", for a missing one "
							+ missing);
				}
			}
			else if (expected.equals("hidden")) {
				// Asked plainly and asked for the other region by name: neither lists its records.
				for (String query : List.of("", "?region=PACIFIC")) {
					Api.Response list = call(accountManager, method, concrete(method, path, own) + query);
					if (other.values().stream().anyMatch(list.body()::contains)) {
						wrong.add(row.getKey() + query + " lists another region's record");
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** Any media type is accepted (the order form is a PDF); a body only where something could change. */
	private static Api.Response call(Api caller, String method, String path) {
		return caller.send(method, path, method.equals("GET") ? null : "{}", Map.of("Accept", "*/*"));
	}

	/** "ok": allowed (anything but 401, 403 or a server error); otherwise the exact status. */
	private static boolean matches(String expected, int status) {
		if (expected.equals("ok")) {
			return status != 401 && status != 403 && status < 500;
		}
		return status == Integer.parseInt(expected);
	}

	/**
	 * The path with its variables filled: a record of the given region where one is read, a missing one where
	 * something would change. (Another region's record is addressed as if read: it must answer 404 whatever the
	 * method, before anything could change.)
	 */
	private static String concrete(String method, String path, Map<String, String> records) {
		boolean reads = method.equals("GET");
		String kind = path.split("/")[2];
		Matcher variables = VARIABLE.matcher(path);
		StringBuilder concrete = new StringBuilder();
		while (variables.find()) {
			String value = switch (variables.group(1)) {
				case "region" -> reads ? "NORTHEAST" : "MATRIX";
				case "period" -> "2026-11";
				case "sku" -> reads ? "TC-ORTHO-200" : "MATRIX-NONE";
				default -> (reads && records.containsKey(kind) && variables.start() == ("/api/" + kind + "/").length())
						? records.get(kind) : MISSING;
			};
			variables.appendReplacement(concrete, Matcher.quoteReplacement(value));
		}
		variables.appendTail(concrete);
		return concrete.toString();
	}

	private static Set<String> documentedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (String service : Suite.SERVICES) {
			JsonNode paths = suite.direct(service).get("/v3/api-docs").json().path("paths");
			paths.fields().forEachRemaining((path) -> path.getValue().fieldNames().forEachRemaining((method) -> {
				if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
					endpoints.add(method.toUpperCase() + " " + path.getKey());
				}
			}));
		}
		return endpoints;
	}

	/** "METHOD path" → the answers for each role, then the "other region" column. */
	private static Map<String, List<String>> matrix() throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		try (InputStream in = AccessMatrixSystemTests.class.getResourceAsStream("/access-matrix.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.trim().split("\\s+");
				assertThat(cells).as(line).hasSize(2 + ROLES.size() + 1);
				rows.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
			}
		}
		return rows;
	}

}
