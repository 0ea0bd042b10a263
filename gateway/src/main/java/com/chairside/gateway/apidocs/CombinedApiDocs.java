package com.chairside.gateway.apidocs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.gateway.routing.ServiceReplicas;

/**
 * {@code GET /v3/api-docs} on the gateway: the OpenAPI documents of all services merged into one, so that the sales
 * UI's developers read one API, at the addresses they call. Each document is fetched from a ready replica when asked
 * for (the services own their documents; the gateway keeps no copy that could go stale). A service that does not
 * answer is listed under {@code x-unavailable} instead of failing the whole document. Schemas of the same name but
 * different content in two services are kept apart as {@code <service>.<Name>}, with the references rewritten.
 */
@RestController
class CombinedApiDocs {

	private static final Logger log = LoggerFactory.getLogger(CombinedApiDocs.class);

	private static final String SCHEMA_REF = "#/components/schemas/";

	/** The gateway's own operation: {@code GET /api/search} (com.chairside.gateway.search.Search). */
	private static final String SEARCH = """
			{"x-service":"gateway","get":{"summary":"Find leads, accounts and orders",
			 "description":"Asks lead-, account- and order-service (or the one type names) with the caller's token, so each \
			applies its own role and region rules, and merges their hits best first. Every word of q must match the start \
			of a word of a practice's or account's name or city, an e-mail, phone digits (any punctuation) or an order \
			number, ignoring case and accents. A service that cannot answer is left out and named in unavailable; the \
			answer is still 200.",
			 "parameters":[
			  {"name":"q","in":"query","required":true,"schema":{"type":"string","maxLength":200}},
			  {"name":"type","in":"query","schema":{"type":"string","enum":["lead","account","order"]}},
			  {"name":"size","in":"query","schema":{"type":"integer","minimum":1,"maximum":50,"default":20}}],
			 "responses":{
			  "200":{"description":"the hits, best first","content":{"application/json":{"schema":{"type":"object",
			   "properties":{"items":{"type":"array","items":{"type":"object","properties":{
			    "type":{"type":"string","enum":["lead","account","order"]},"id":{"type":"string"},
			    "title":{"type":"string"},"subtitle":{"type":"string"},"region":{"type":"string"}}}},
			   "unavailable":{"type":"array","items":{"type":"string"},
			    "description":"services that did not answer, whose hits are missing"}}}}}},
			  "400":{"description":"q missing, blank or longer than 200 characters; unknown type; size out of 1..50",
			   "content":{"application/problem+json":{}}},
			  "401":{"description":"no valid token"}}}}""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ServiceReplicas replicas;

	private final JsonMapper json;

	CombinedApiDocs(ServiceReplicas replicas, JsonMapper json) {
		this.replicas = replicas;
		this.json = json;
	}

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	ObjectNode combined() {
		ObjectNode combined = this.json.createObjectNode();
		combined.put("openapi", "3.1.0");
		combined.putObject("info")
			.put("title", "Chairside API")
			.put("version", "1")
			.put("description", "Every service's API as the gateway routes it; tokens are the company's JWTs.");
		combined.putArray("servers").addObject().put("url", "/");
		ObjectNode paths = combined.putObject("paths");
		ObjectNode components = combined.putObject("components");
		paths.set("/api/search", this.json.readTree(SEARCH));
		ArrayNode unavailable = combined.putArray("x-unavailable");
		for (String service : this.replicas.services()) {
			Optional<JsonNode> document = fetch(service);
			if (document.isPresent()) {
				merge(service, document.get(), paths, components);
			}
			else {
				unavailable.add(service);
			}
		}
		return combined;
	}

	private void merge(String service, JsonNode document, ObjectNode paths, ObjectNode components) {
		JsonNode own = keepCollidingSchemasApart(service, document, components);
		for (Map.Entry<String, JsonNode> path : own.path("paths").properties()) {
			if (paths.has(path.getKey())) {
				log.warn("{} documents {}, which another service documents too; the first is kept", service, path.getKey());
				continue;
			}
			ObjectNode item = ((ObjectNode) path.getValue()).deepCopy();
			item.put("x-service", service);
			paths.set(path.getKey(), item);
		}
		for (Map.Entry<String, JsonNode> section : own.path("components").properties()) {
			ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
					: components.putObject(section.getKey());
			section.getValue().properties().forEach((entry) -> {
				if (!target.has(entry.getKey())) {
					target.set(entry.getKey(), entry.getValue());
				}
			});
		}
	}

	/** Renames this service's schemas whose names are taken by a different schema, and rewrites its references. */
	private JsonNode keepCollidingSchemasApart(String service, JsonNode document, ObjectNode components) {
		JsonNode merged = components.path("schemas");
		Map<String, String> renames = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
			JsonNode taken = merged.get(schema.getKey());
			if (taken != null && !taken.equals(schema.getValue())) {
				renames.put(schema.getKey(), service + "." + schema.getKey());
			}
		}
		if (renames.isEmpty()) {
			return document;
		}
		String text = document.toString();
		for (Map.Entry<String, String> rename : renames.entrySet()) {
			text = text.replace("\"" + SCHEMA_REF + rename.getKey() + "\"", "\"" + SCHEMA_REF + rename.getValue() + "\"");
		}
		JsonNode renamed = this.json.readTree(text);
		ObjectNode schemas = (ObjectNode) renamed.path("components").path("schemas");
		renames.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
		return renamed;
	}

	private Optional<JsonNode> fetch(String service) {
		Optional<URI> replica = this.replicas.readyReplicaOf(service);
		if (replica.isEmpty()) {
			return Optional.empty();
		}
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(replica.get().resolve("/v3/api-docs"))
				.timeout(Duration.ofSeconds(3))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("{} answered {} for its API document", service, response.statusCode());
				return Optional.empty();
			}
			return Optional.of(this.json.readTree(response.body()));
		}
		catch (IOException ex) {
			log.warn("{} could not be asked for its API document: {}", service, ex.toString());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
