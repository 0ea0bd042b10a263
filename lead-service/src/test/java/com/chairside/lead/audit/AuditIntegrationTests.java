package com.chairside.lead.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lead-service's audit trail (platform's {@code com.chairside.platform.audit}) over real HTTP and the MongoDB wire
 * protocol: writes and refusals are recorded with who, which route, which record and the trace; what was sent and the
 * token never are; only admins read it.
 */
@ServiceIntegrationTest
class AuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String traceId = UUID.randomUUID().toString().replace("-", "");

	@Test
	void recordsAWriteWithItsTraceAndARefusalAsDeniedButNeverTheBodyOrTheToken() {
		String token = Infrastructure.get().token("am.audit." + this.run, "ACCOUNT_MANAGER", "NORTHEAST");
		Api accountManager = Api.local(this.port, token);
		String email = "owner." + this.run + "@audit-smile.example";
		String practice = "Audit Smile Orthodontics " + this.run;
		String phone = "+1 617 " + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_999_999));
		Api.Response created = accountManager.send("POST", "/api/leads", """
				{"practiceName":"%s","specialty":"ORTHODONTICS","source":"CONFERENCE","city":"Boston","country":"US",
				 "email":"%s","phone":"%s"}""".formatted(practice, email, phone),
				Map.of("traceparent", "00-" + this.traceId + "-0123456789abcdef-01"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String leadId = created.field("id");

		String salesAdminToken = Infrastructure.get().token("sa.audit." + this.run, "SALES_ADMIN", null);
		Api.Response refused = accountManager.as(salesAdminToken)
			.send("PATCH", "/api/leads/" + leadId, "{\"email\":\"" + email + "\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(accountManager.as(null).send("POST", "/api/leads/" + leadId + "/qualify", "{}").status())
			.isEqualTo(401);

		Api admin = Api.local(this.port, Infrastructure.get().token("admin.audit", "ADMIN", null));
		JsonNode write = single(admin.get("/api/audit?subject=am.audit." + this.run));
		assertThat(write.path("method").asString()).isEqualTo("POST");
		assertThat(write.path("path").asString()).isEqualTo("/api/leads");
		assertThat(write.path("recordId").asString()).isEqualTo(leadId);
		assertThat(write.path("status").asInt()).isEqualTo(201);
		assertThat(write.path("outcome").asString()).isEqualTo("ALLOWED");
		assertThat(write.path("traceId").asString()).isEqualTo(this.traceId);
		assertThat(write.path("roles").toString()).contains("ACCOUNT_MANAGER");
		assertThat(write.path("at").asString()).isNotBlank();

		JsonNode denial = single(admin.get("/api/audit?outcome=DENIED&subject=sa.audit." + this.run));
		assertThat(denial.path("method").asString()).isEqualTo("PATCH");
		assertThat(denial.path("path").asString()).as("the route, not the raw path").isEqualTo("/api/leads/{id}");
		assertThat(denial.path("recordId").asString()).isEqualTo(leadId);
		assertThat(denial.path("status").asInt()).isEqualTo(403);

		List<JsonNode> anonymous = items(admin.get("/api/audit/lead-service?subject=anonymous&outcome=DENIED&size=500"));
		assertThat(anonymous).as("the request without a token, through the gateway's path")
			.anyMatch((entry) -> entry.path("path").asString().equals("/api/leads/{id}/qualify")
					&& entry.path("recordId").asString().equals(leadId) && entry.path("status").asInt() == 401);

		List<Document> stored = this.mongo.getCollection("audit").find().into(new java.util.ArrayList<>());
		assertThat(stored).isNotEmpty();
		String everything = stored.stream().map(Document::toJson).reduce("", String::concat);
		assertThat(everything).contains(leadId)
			.doesNotContain(token, salesAdminToken, "Bearer", email, practice, phone.substring(7), this.run + "@");
	}

	@Test
	void onlyAnAdminReadsTheTrail() {
		for (String role : List.of("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN")) {
			Api caller = Api.local(this.port, Infrastructure.get().token("audit.reader", role, "NORTHEAST"));
			assertThat(caller.get("/api/audit").status()).as(role).isEqualTo(403);
			assertThat(caller.get("/api/audit/lead-service").status()).as(role).isEqualTo(403);
		}
		Api department = Api.local(this.port, Infrastructure.get().departmentToken("audit.dept", "PRODUCTION"));
		assertThat(department.get("/api/audit").status()).isEqualTo(403);
		assertThat(Api.local(this.port, null).get("/api/audit").status()).isEqualTo(401);
		Api admin = Api.local(this.port, Infrastructure.get().token("admin.audit", "ADMIN", null));
		assertThat(admin.get("/api/audit?outcome=DENIED&size=5").status()).isEqualTo(200);
		assertThat(admin.get("/api/audit?outcome=MAYBE").status()).as("an unknown outcome").isEqualTo(400);
	}

	@Test
	void documentsTheTrailOnceUnderTheGatewaysPath() {
		JsonNode paths = Api.local(this.port, null).get("/v3/api-docs").json().path("paths");
		assertThat(paths.has("/api/audit/lead-service")).as(paths.toString()).isTrue();
		assertThat(paths.has("/api/audit")).isFalse();
	}

	private static JsonNode single(Api.Response answer) {
		List<JsonNode> items = items(answer);
		assertThat(items).as(answer.toString()).hasSize(1);
		return items.get(0);
	}

	private static List<JsonNode> items(Api.Response answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<JsonNode> items = new java.util.ArrayList<>();
		answer.json().path("items").forEach(items::add);
		return items;
	}

}
