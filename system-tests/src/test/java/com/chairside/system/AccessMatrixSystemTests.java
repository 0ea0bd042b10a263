package com.chairside.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what, through the gateway, for every endpoint that any service documents: the rows of
 * {@code access-matrix.txt} give the answer for each role, and what an account manager of NORTHEAST gets for a record
 * of PACIFIC. An endpoint documented by a service without a row fails this test (and so the build), as does a row
 * for an endpoint that no longer exists.
 * <p>
 * What a role alone does not decide has tables of its own in the same file: tokens whose claims cannot be trusted
 * (each sent to every endpoint, at the gateway and at the service), who decides each approval (separation of duties,
 * the order's region), and who marks read and acknowledges a department's notification. An approval or
 * acknowledgement route without its row fails as well.
 * <p>
 * Requests that change something address a record that does not exist (or a region of nobody's), so that the matrix
 * changes nothing that other tests rely on: a refused role answers 403 before anything is looked up (the roles are
 * checked in the filter chain), an allowed one gets whatever the endpoint says of a missing record or an empty body.
 * Another region's records (made here for the matrix alone) are asked with a valid body ({@link #BODIES}), which a
 * region check that did not run would carry out; the answer must be the one for a missing record.
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

	/** The columns of the approval table, each a caller (see access-matrix.txt). */
	static final Map<String, Api> approvers = new LinkedHashMap<>();

	/** The columns of the acknowledgement table. */
	static final Map<String, Api> acknowledgers = new LinkedHashMap<>();

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
		approvers.put("placer", suite.gateway(suite.token("sm.matrix.placer", "SALES_MANAGER", "NORTHEAST", null)));
		approvers.put("changer", suite.gateway(suite.token("sm.matrix.changer", "SALES_MANAGER", "NORTHEAST", null)));
		approvers.put("asker", suite.gateway(suite.token("admin.matrix.asker", "ADMIN", null, null)));
		approvers.put("SM", callers.get("SALES_MANAGER"));
		approvers.put("SM-other", suite.gateway(suite.token("sm.matrix.pacific", "SALES_MANAGER", "PACIFIC", null)));
		approvers.put("SM-all", suite.gateway(suite.token("sm.matrix.everywhere", "SALES_MANAGER", null, null)));
		approvers.put("ADMIN", callers.get("ADMIN"));
		acknowledgers.put("DEPT", callers.get("DEPARTMENT"));
		acknowledgers.put("DEPT-other", suite.gateway(suite.token("logistics.matrix", "DEPARTMENT", null, "LOGISTICS")));
		acknowledgers.put("AM", callers.get("ACCOUNT_MANAGER"));
		acknowledgers.put("SM", callers.get("SALES_MANAGER"));
		acknowledgers.put("SA", callers.get("SALES_ADMIN"));
		acknowledgers.put("ADMIN", callers.get("ADMIN"));
	}

	private static void records(Api api, Map<String, String> ids) {
		ids.put("leads", lead(api, "Matrix Dental"));
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
		ids.put("duplicate", lead(api, "Matrix Dental Twin"));
		// A unit of its own, so that the demo is never refused for a unit booked twice.
		Api.Response demo = api.post("/api/demos", """
				{"accountId":"%s","demoUnit":"MATRIX-UNIT-%s","products":["TC-ORTHO-200"],
				 "start":"2027-05-03T09:00:00Z","end":"2027-05-03T11:00:00Z"}""".formatted(ids.get("accounts"), System.nanoTime()));
		assertThat(demo.status()).as(demo.toString()).isEqualTo(201);
		ids.put("demos", demo.field("id"));
		Api.Response activity = api.post("/api/accounts/" + ids.get("accounts") + "/activities", """
				{"type":"CALL","occurredAt":"2026-11-02T10:00:00Z","summary":"Matrix call",
				 "nextStep":{"action":"Send the quote","due":"2027-01-15"}}""");
		assertThat(activity.status()).as(activity.toString()).isEqualTo(201);
		ids.put("activities", activity.field("id"));
	}

	private static String lead(Api api, String practice) {
		Api.Response lead = api.post("/api/leads", """
				{"practiceName":"%s %s","specialty":"PEDIATRIC_DENTISTRY","source":"INBOUND_WEB",
				 "city":"Springfield","country":"US"}""".formatted(practice, System.nanoTime()));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		return lead.field("id");
	}

	/**
	 * A valid body for each single-record action, so that the region check is what answers and not the validation
	 * (an empty body answers 400 for another region's record and a missing one alike, and proves nothing). References
	 * in it ({@code %(duplicate)}, {@code %(accounts)}) name records of the region of the record addressed.
	 */
	static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("PATCH /api/leads/{id}", "{\"city\":\"Shelbyville\"}"),
			Map.entry("POST /api/leads/{id}/contacts", "{\"name\":\"Matrix Owner\",\"buyingRole\":\"DECISION_MAKER\"}"),
			Map.entry("POST /api/leads/{id}/assign", "{\"owner\":\"am.matrix\"}"),
			Map.entry("POST /api/leads/{id}/qualify", "{}"),
			Map.entry("POST /api/leads/{id}/disqualify", "{\"reason\":\"NO_BUDGET\",\"note\":\"Matrix\"}"),
			// into an existing account of the record's region: the conversion the other helpers' accounts allow
			Map.entry("POST /api/leads/{id}/convert", "{\"accountId\":\"%(accounts)\"}"),
			Map.entry("POST /api/leads/{id}/merge", "{\"duplicateId\":\"%(duplicate)\"}"),
			Map.entry("POST /api/leads/{id}/activities", "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-02T10:00:00Z\",\"summary\":\"Matrix call\"}"),
			Map.entry("PATCH /api/accounts/{id}", "{\"city\":\"Shelbyville\"}"),
			Map.entry("POST /api/accounts/{id}/contacts", "{\"name\":\"Matrix Owner\",\"buyingRole\":\"DECISION_MAKER\"}"),
			Map.entry("POST /api/accounts/{id}/contacts/{contactId}/opt-out", "{}"),
			Map.entry("POST /api/accounts/{id}/contacts/{contactId}/opt-in", "{}"),
			Map.entry("PUT /api/accounts/{id}/order-mail", "{\"contactId\":null,\"language\":\"en\"}"),
			Map.entry("POST /api/accounts/{id}/installed-base",
					"{\"brand\":\"Matrix\",\"productLine\":\"TREATMENT_CHAIR\",\"yearInstalled\":2015,\"quantity\":1}"),
			Map.entry("DELETE /api/accounts/{id}/installed-base/{unitId}", "{}"),
			Map.entry("POST /api/accounts/{id}/activities", "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-02T10:00:00Z\",\"summary\":\"Matrix call\"}"),
			Map.entry("POST /api/activities/{id}/next-step/done", "{}"),
			Map.entry("PATCH /api/demos/{id}", "{\"start\":\"2027-05-20T09:00:00Z\",\"end\":\"2027-05-20T11:00:00Z\"}"),
			Map.entry("POST /api/demos/{id}/cancel", "{\"reason\":\"Matrix\"}"),
			Map.entry("POST /api/demos/{id}/complete", "{\"outcome\":\"INTEREST\"}"),
			Map.entry("PATCH /api/orders/{id}", "{\"reason\":\"Matrix\",\"lines\":[{\"sku\":\"TC-ORTHO-200\",\"quantity\":2}]}"),
			Map.entry("POST /api/orders/{id}/submit", "{}"),
			Map.entry("POST /api/orders/{id}/discount-approval", "{}"),
			Map.entry("POST /api/orders/{id}/discount-approval/reject", "{\"reason\":\"Matrix\"}"),
			Map.entry("POST /api/orders/{id}/cancel", "{\"reason\":\"Matrix\"}"),
			Map.entry("POST /api/orders/{id}/cancellation-request", "{\"reason\":\"Matrix\"}"),
			Map.entry("POST /api/orders/{id}/cancellation-request/approve", "{}"),
			Map.entry("POST /api/orders/{id}/cancellation-request/reject", "{\"reason\":\"Matrix\"}"));

	@Test
	void everyDocumentedEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
		Set<String> documented = documentedEndpoints().keySet();
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
				// No hint that it exists: the same answer as for a record that does not exist, 404 where it is read,
				// asked with a body that would be carried out for a record of one's own region. Where account
				// managers may not call it at all, a sales manager of NORTHEAST is asked.
				Api caller = row.getValue().get(0).equals("403") ? callers.get("SALES_MANAGER") : accountManager;
				String body = method.equals("GET") ? null : BODIES.get(row.getKey());
				if (!method.equals("GET") && body == null) {
					wrong.add(row.getKey() + " has no valid body to ask another region's record with (add one to BODIES)");
					continue;
				}
				String otherPath = concrete("GET", path, other);
				String missingPath = concrete(method, path, Map.of());
				Api.Response answer = caller.send(method, otherPath, filled(body, other), Map.of("Accept", "*/*"));
				Api.Response missing = caller.send(method, missingPath, filled(body, other), Map.of("Accept", "*/*"));
				String shape = problemShape(answer, other.values());
				String missingShape = problemShape(missing, List.of(MISSING));
				if (answer.status() != missing.status() || answer.status() != 404 || !shape.equals(missingShape)) {
					wrong.add(row.getKey() + " for another region's record: got " + answer.status() + " " + shape
							+ ", for a missing one " + missing.status() + " " + missingShape);
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

	/**
	 * Each token row at every endpoint, at the gateway and at the service that documents the endpoint: 401
	 * problem+json (nothing is looked up for an invalid token), or what the role's column says where the changed claim
	 * is one the role does without.
	 */
	@Test
	void tokensWithMissingOrUnknownClaimsGetWhatTheirRowSaysEverywhere() throws Exception {
		Map<String, String> services = documentedEndpoints();
		Map<String, List<String>> matrix = matrix();
		List<Callable<String>> requests = new ArrayList<>();
		List<String[]> rows = rows("token", 4);
		for (int r = 0; r < rows.size(); r++) {
			String[] row = rows.get(r);
			String role = row[1];
			String token = untrusted("matrix.claims." + r, role, row[2]);
			Map<String, Api> at = new LinkedHashMap<>();
			at.put("gateway", suite.gateway(token));
			for (String service : Suite.SERVICES) {
				at.put(service, suite.direct(service).as(token));
			}
			for (Map.Entry<String, List<String>> endpoint : matrix.entrySet()) {
				String method = endpoint.getKey().split(" ")[0];
				String path = concrete(method, endpoint.getKey().split(" ")[1], own);
				String byRole = endpoint.getValue().get(ROLES.indexOf(role));
				for (String where : List.of("gateway", services.get(endpoint.getKey()))) {
					String cell = row[where.equals("gateway") ? 3 : 4];
					String expected = cell.equals("role") ? byRole : cell;
					requests.add(() -> {
						Api.Response answer = call(at.get(where), method, path);
						boolean problem = answer.contentType().startsWith("application/problem+json");
						return (matches(expected, answer.status()) && (!expected.equals("401") || problem)) ? null
								: endpoint.getKey() + " at " + where + " as " + role + " " + row[2] + ": expected "
										+ expected + ", got " + answer.status() + " " + answer.contentType();
					});
				}
			}
		}
		// A few at a time: the suite's processes answer in parallel, and the order does not matter here.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<String> wrong = new ArrayList<>();
		try {
			for (Future<String> answer : pool.invokeAll(requests)) {
				if (answer.get() != null) {
					wrong.add(answer.get());
				}
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(wrong).as("of " + requests.size() + " requests").isEmpty();
	}

	/**
	 * A valid token of {@code role} as the matrix's caller of that role has it (of NORTHEAST, of PRODUCTION) with
	 * {@code claims} ({@code name=value,...}; {@code -} leaves the claim out) changed, signed with the suite's key.
	 */
	private static String untrusted(String user, String role, String claims) {
		String region = Set.of("ACCOUNT_MANAGER", "SALES_MANAGER").contains(role) ? "NORTHEAST" : null;
		String department = role.equals("DEPARTMENT") ? "PRODUCTION" : null;
		try {
			JWTClaimsSet.Builder token = new JWTClaimsSet.Builder(
					SignedJWT.parse(suite.token(user, role, region, department)).getJWTClaimsSet());
			for (String claim : claims.split(",")) {
				String value = claim.substring(claim.indexOf('=') + 1);
				token.claim(claim.substring(0, claim.indexOf('=')), value.equals("-") ? null : value);
			}
			return suite.sign(token.build());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Each approval row on orders of NORTHEAST that wait for the decision: the refused callers all try one order (which
	 * still waits afterwards, and whose refusal is problem+json), then each who may decide does so, the first on that
	 * order, the others on one of their own.
	 */
	@Test
	void eachApprovalIsDecidedByWhomItsRowSays() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (String[] row : rows("approval", 2 + approvers.size())) {
			boolean discount = row[2].contains("/discount-approval");
			String key = row[1] + " " + row[2];
			String order = waitingOrder(discount);
			Map<String, String> expected = columns(approvers.keySet(), row, 3);
			for (Map.Entry<String, String> cell : expected.entrySet()) {
				if (!cell.getValue().equals("200") && !cell.getValue().equals("-")) {
					Api.Response answer = approvers.get(cell.getKey())
						.send(row[1], row[2].replace("{id}", order), BODIES.get(key), Map.of());
					refusedAsItsRowSays(key, cell, answer, wrong);
				}
			}
			JsonNode waits = callers.get("ADMIN").get("/api/orders/" + order).json();
			if (waits.path(discount ? "pendingDiscount" : "cancellationRequest").isNull()) {
				wrong.add(key + ": the order refused to all no longer waits: " + waits);
			}
			for (Map.Entry<String, String> cell : expected.entrySet()) {
				if (cell.getValue().equals("200")) {
					String decided = (order != null) ? order : waitingOrder(discount);
					order = null;
					Api.Response answer = approvers.get(cell.getKey())
						.send(row[1], row[2].replace("{id}", decided), BODIES.get(key), Map.of());
					if (answer.status() != 200
							|| !answer.json().path(discount ? "pendingDiscount" : "cancellationRequest").isNull()) {
						wrong.add(key + " as " + cell.getKey() + ": expected it decided, got " + answer);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * An order of NORTHEAST waiting for a decision, with interested parties as the approval table names them: a quote
	 * whose discount the placer gave and the changer raised, or an order the placer placed, the changer changed and
	 * the asker asked to cancel.
	 */
	private static String waitingOrder(boolean discount) {
		Api.Response placed = approvers.get("placer").post("/api/orders", """
				{"accountId":"%s","draft":%s,"lines":[{"sku":"TC-ORTHO-200","quantity":1,"discountPercent":%s}],
				 "requestedDeliveryDate":"2027-06-01"}""".formatted(own.get("accounts"), discount, discount ? 15 : 0));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String order = placed.field("id");
		Api.Response changed = approvers.get("changer").patch("/api/orders/" + order, discount ? """
				{"reason":"Group price","lines":[{"sku":"TC-ORTHO-200","quantity":1,"discountPercent":20}]}""" : """
				{"reason":"New site","deliverySite":"2 Elm St, Salem"}""");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		if (!discount) {
			Api.Response asked = approvers.get("asker").post("/api/orders/" + order + "/cancellation-request",
					"{\"reason\":\"Practice sold\"}");
			assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		}
		return order;
	}

	/**
	 * Each acknowledgement row on PRODUCTION's notification of a cancelled NORTHEAST order: those refused with 403 may
	 * view it, those refused with 404 may not; the notification is untouched until its department acts on it.
	 */
	@Test
	void eachAcknowledgementIsGivenByWhomItsRowSays() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (String[] row : rows("acknowledgement", 2 + acknowledgers.size())) {
			String key = row[1] + " " + row[2];
			String done = row[2].endsWith("/read") ? "readAt" : "acknowledgedAt";
			String notification = productionNotification();
			Map<String, String> expected = columns(acknowledgers.keySet(), row, 3);
			for (Map.Entry<String, String> cell : expected.entrySet()) {
				if (!cell.getValue().equals("200")) {
					Api caller = acknowledgers.get(cell.getKey());
					refusedAsItsRowSays(key, cell, caller.send(row[1], row[2].replace("{id}", notification), "", Map.of()),
							wrong);
					int viewed = caller.get("/api/notifications/" + notification).status();
					if (viewed != (cell.getValue().equals("403") ? 200 : 404)) {
						wrong.add(key + " as " + cell.getKey() + ": viewing it answers " + viewed);
					}
				}
			}
			if (!acknowledgers.get("DEPT").get("/api/notifications/" + notification).json().path(done).isNull()) {
				wrong.add(key + ": refused to all, yet " + done + " is set");
			}
			for (Map.Entry<String, String> cell : expected.entrySet()) {
				if (cell.getValue().equals("200")) {
					String acted = (notification != null) ? notification : productionNotification();
					notification = null;
					Api.Response answer = acknowledgers.get(cell.getKey())
						.send(row[1], row[2].replace("{id}", acted), "", Map.of());
					if (answer.status() != 200 || answer.json().path(done).isNull()) {
						wrong.add(key + " as " + cell.getKey() + ": expected " + done + " set, got " + answer);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** PRODUCTION's notification of a NORTHEAST order that the account manager placed and cancelled. */
	private static String productionNotification() {
		Api accountManager = callers.get("ACCOUNT_MANAGER");
		Api.Response placed = accountManager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-06-01"}"""
			.formatted(own.get("accounts")));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String order = placed.field("id");
		Api.Response cancelled = accountManager.post("/api/orders/" + order + "/cancel", "{\"reason\":\"Matrix\"}");
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		String query = "/api/notifications?eventType=OrderCancelled&department=PRODUCTION&orderId=" + order;
		Api production = acknowledgers.get("DEPT");
		await().atMost(Duration.ofSeconds(30)).until(() -> production.get(query).json().path("items").size() == 1);
		return production.get(query).json().path("items").get(0).path("id").asString();
	}

	/** The cells of {@code row} from {@code first} on, by the column names. */
	private static Map<String, String> columns(Set<String> names, String[] row, int first) {
		Map<String, String> cells = new LinkedHashMap<>();
		int i = first;
		for (String name : names) {
			cells.put(name, row[i++]);
		}
		return cells;
	}

	/** Adds to {@code wrong} unless {@code answer} is the refusal {@code cell} names: 403, 404 or SoD, as problem+json. */
	private static void refusedAsItsRowSays(String key, Map.Entry<String, String> cell, Api.Response answer,
			List<String> wrong) {
		boolean sod = cell.getValue().equals("SoD");
		int status = sod ? 403 : Integer.parseInt(cell.getValue());
		if (answer.status() != status || !answer.contentType().startsWith("application/problem+json")
				|| (sod && !"SEPARATION_OF_DUTIES".equals(answer.field("code")))) {
			wrong.add(key + " as " + cell.getKey() + ": expected " + cell.getValue() + ", got " + answer);
		}
	}

	/**
	 * Every route that decides an approval ({@code approve}, {@code reject}, {@code ...-approval}) or acts on a
	 * notification for its recipient ({@code read}, {@code acknowledge}) has its row in the matching table, and every
	 * such row names a documented route.
	 */
	@Test
	void everyApprovalAndAcknowledgementHasItsRow() throws IOException {
		Set<String> documented = documentedEndpoints().keySet();
		for (String[] kind : new String[][] { { "approval", ".*/(approve|reject|[a-z-]*approval)$" },
				{ "acknowledgement", ".*/(read|acknowledge)$" } }) {
			Set<String> rows = new TreeSet<>();
			for (String[] row : lines()) {
				if (row[0].equals(kind[0])) {
					rows.add(row[1] + " " + row[2]);
				}
			}
			Set<String> routes = new TreeSet<>(documented.stream().filter((e) -> e.matches(kind[1])).toList());
			assertThat(rows).as(kind[0] + " rows").isEqualTo(routes);
		}
	}

	/** {@code body} with its references ({@code %(kind)}) to records of {@code records}' region filled in. */
	private static String filled(String body, Map<String, String> records) {
		if (body == null) {
			return null;
		}
		String filled = body;
		for (Map.Entry<String, String> record : records.entrySet()) {
			filled = filled.replace("%(" + record.getKey() + ")", record.getValue());
		}
		return filled;
	}

	/**
	 * The answer's problem with the ids in it (the record asked for, trace ids, times) taken out: what would tell
	 * another region's record from a missing one.
	 */
	private static String problemShape(Api.Response answer, java.util.Collection<String> ids) {
		JsonNode problem;
		try {
			problem = answer.json();
		}
		catch (RuntimeException ex) {
			return answer.contentType() + " " + answer.body();
		}
		if (!(problem instanceof tools.jackson.databind.node.ObjectNode object)) {
			return answer.contentType() + " " + answer.body();
		}
		tools.jackson.databind.node.ObjectNode shape = object.deepCopy();
		shape.remove(List.of("instance", "traceId", "timestamp", "requestId"));
		String text = shape.toString();
		for (String id : ids) {
			text = text.replace(id, "{id}");
		}
		return answer.contentType().split(";")[0] + " " + text;
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

	/** "METHOD path" of each endpoint a service documents → the service that documents it. */
	private static Map<String, String> documentedEndpoints() {
		Map<String, String> endpoints = new TreeMap<>();
		for (String service : Suite.SERVICES) {
			JsonNode paths = suite.direct(service).get("/v3/api-docs").json().path("paths");
			paths.properties().forEach((path) -> path.getValue().propertyNames().forEach((method) -> {
				if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
					endpoints.putIfAbsent(method.toUpperCase() + " " + path.getKey(), service);
				}
			}));
		}
		return endpoints;
	}

	/** The tables after the endpoints', each row starting with the table's name. */
	static final Set<String> TABLES = Set.of("token", "approval", "acknowledgement");

	/** "METHOD path" → the answers for each role, then the "other region" column. */
	private static Map<String, List<String>> matrix() throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String[] cells : lines()) {
			if (!TABLES.contains(cells[0])) {
				assertThat(cells).as(String.join(" ", cells)).hasSize(2 + ROLES.size() + 1);
				rows.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
			}
		}
		return rows;
	}

	/** The rows of one of the other {@link #TABLES}, with {@code columns} cells after the table's name. */
	private static List<String[]> rows(String table, int columns) throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String[] cells : lines()) {
			if (cells[0].equals(table)) {
				assertThat(cells).as(String.join(" ", cells)).hasSize(1 + columns);
				rows.add(cells);
			}
		}
		assertThat(rows).as("rows of the " + table + " table").isNotEmpty();
		return rows;
	}

	/** The lines of access-matrix.txt that are not comments, split into cells. */
	private static List<String[]> lines() throws IOException {
		List<String[]> lines = new ArrayList<>();
		try (InputStream in = AccessMatrixSystemTests.class.getResourceAsStream("/access-matrix.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					lines.add(line.trim().split("\\s+"));
				}
			}
		}
		return lines;
	}

}
