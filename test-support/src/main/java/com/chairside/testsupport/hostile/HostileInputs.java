package com.chairside.testsupport.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.chairside.testsupport.hostile.HostileCase.Expectation;
import com.chairside.testsupport.hostile.HostileValues.Encoded;

/**
 * Generates hostile requests for every operation of an OpenAPI document: hostile ids in each path parameter, hostile
 * values in each query parameter, and for each JSON request body a plausible body (every string carrying a marker, so
 * that anything stored can be found again) broken one field at a time, plus bodies that are broken as a whole.
 */
public final class HostileInputs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

	/** Where a broken value goes into a serialized body; never occurs in a real one. */
	private static final String SLOT = "\u0001hostile-slot\u0001";

	/** Values that make a body plausible where a made-up string would not pass (ISO codes, the sales regions). */
	private static final Map<String, JsonNode> KNOWN_VALUES = Map.of("currency", NODES.stringNode("USD"), "country",
			NODES.stringNode("US"), "region", NODES.stringNode("NORTHEAST"), "email",
			NODES.stringNode("hostile.probe@practice.example"));

	private final JsonNode api;

	private final String marker;

	private final Map<String, JsonNode> values = new HashMap<>(KNOWN_VALUES);

	private final Map<String, String> pathValues = new HashMap<>();

	private final Map<String, String> pathValuesUnder = new HashMap<>();

	private HostileInputs(JsonNode api, String marker) {
		this.api = api;
		this.marker = marker;
	}

	/** Cases for the operations of {@code api}; every string of a plausible body carries {@code marker}. */
	public static HostileInputs from(JsonNode api, String marker) {
		return new HostileInputs(api, marker);
	}

	/** The value of path parameter {@code name} in the cases that break something else (default: a fresh UUID). */
	public HostileInputs withPathValue(String name, String value) {
		this.pathValues.put(name, value);
		return this;
	}

	/**
	 * The value of path parameter {@code name} in the operations whose path starts with {@code pathPrefix} (the
	 * longest prefix wins), in the cases that break something else: the id of a record that exists, so that a body
	 * case on {@code /{id}} is judged by what the service makes of the body, not refused with 404 before it is read.
	 */
	public HostileInputs withPathValueUnder(String pathPrefix, String name, String value) {
		this.pathValuesUnder.put(pathPrefix + " " + name, value);
		return this;
	}

	private String pathValue(String template, String name, JsonNode schema) {
		String best = null;
		int longest = -1;
		for (Map.Entry<String, String> entry : this.pathValuesUnder.entrySet()) {
			String prefix = entry.getKey().substring(0, entry.getKey().lastIndexOf(' '));
			String parameter = entry.getKey().substring(entry.getKey().lastIndexOf(' ') + 1);
			if (parameter.equals(name) && template.startsWith(prefix) && prefix.length() > longest) {
				best = entry.getValue();
				longest = prefix.length();
			}
		}
		return (best != null) ? best : this.pathValues.getOrDefault(name, plausibleText(schema));
	}

	/** The value of body field {@code name} in plausible bodies, as JSON. */
	public HostileInputs withValue(String name, String json) {
		try {
			this.values.put(name, JSON.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(json, ex);
		}
		return this;
	}

	public List<HostileCase> cases() {
		List<HostileCase> cases = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.api.path("paths").properties()) {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().get(method);
				if (operation != null) {
					new OperationCases(new Operation(method.toUpperCase(), path.getKey(),
							parameters(path.getValue(), operation), operation.path("requestBody")), cases).generate();
				}
			}
		}
		return cases;
	}

	private List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
		Map<String, JsonNode> byName = new LinkedHashMap<>();
		for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
			list.forEach((parameter) -> {
				JsonNode resolved = resolve(parameter);
				byName.put(resolved.path("in").asString() + ":" + resolved.path("name").asString(), resolved);
			});
		}
		return List.copyOf(byName.values());
	}

	/** One operation of the document. */
	private record Operation(String method, String template, List<JsonNode> parameters, JsonNode requestBody) {

		String name() {
			return this.method + " " + this.template;
		}

		List<JsonNode> in(String where) {
			return this.parameters.stream().filter((p) -> p.path("in").asString().equals(where)).toList();
		}

	}

	/** The cases of one operation. */
	private final class OperationCases {

		private final Operation operation;

		private final List<HostileCase> cases;

		/** The plausible JSON body, or null when the operation takes none (or takes something else). */
		private final ObjectNode body;

		private final JsonNode bodySchema;

		private final String otherMediaType;

		OperationCases(Operation operation, List<HostileCase> cases) {
			this.operation = operation;
			this.cases = cases;
			JsonNode content = operation.requestBody().path("content");
			JsonNode json = content.path("application/json");
			this.bodySchema = json.isMissingNode() ? null : resolve(json.path("schema"));
			JsonNode sample = (this.bodySchema != null) ? sample(this.bodySchema, null, 0) : null;
			this.body = (sample instanceof ObjectNode object) ? object : null;
			this.otherMediaType = (this.bodySchema == null && !content.isEmpty())
					? content.propertyNames().iterator().next() : null;
		}

		void generate() {
			pathCases();
			queryCases();
			if (this.bodySchema != null) {
				wholeBodyCases();
				if (this.body != null) {
					fieldCases(this.bodySchema, new ArrayList<>(), 0);
				}
			}
			else if (this.otherMediaType != null) {
				add("JSON where " + this.otherMediaType + " is expected", path(Map.of(), Map.of()), "application/json",
						utf8("{\"$where\":\"sleep(5000) || true\"}"), Expectation.REFUSED);
			}
		}

		private void pathCases() {
			for (JsonNode parameter : this.operation.in("path")) {
				String name = parameter.path("name").asString();
				for (Encoded id : HostileValues.ids()) {
					add("path " + name + ": " + id.what(), path(Map.of(name, id.text()), Map.of()), contentType(),
							plausibleBody(), Expectation.REFUSED);
				}
			}
		}

		private void queryCases() {
			boolean read = this.operation.method().equals("GET");
			List<JsonNode> query = this.operation.in("query");
			for (JsonNode parameter : query) {
				String name = parameter.path("name").asString();
				JsonNode schema = resolve(parameter.path("schema"));
				boolean constrained = isConstrained(schema);
				if (!constrained && !read) {
					continue;
				}
				for (Encoded value : queryValues(schema)) {
					add("query " + name + ": " + value.what(), path(Map.of(), Map.of(name, value.text())), contentType(),
							plausibleBody(), constrained ? Expectation.REFUSED : Expectation.HARMLESS);
				}
			}
			if (read) {
				// Each next to the honest read it must not widen: the first free-text filter with a value no record
				// has (else no filter), so that an operator that was obeyed lists records the honest read does not.
				JsonNode filter = query.stream().filter((p) -> !isConstrained(resolve(p.path("schema")))).findFirst()
					.orElse(null);
				Map<String, String> honest = new LinkedHashMap<>();
				if (filter != null) {
					honest.put(filter.path("name").asString(), HostileValues.encode(plausibleText(resolve(filter.path("schema")))));
				}
				Map<String, String> where = new LinkedHashMap<>(honest);
				where.put("%24where", HostileValues.encode("sleep(5000) || true"));
				addRead("operator key in query", path(Map.of(), where), path(Map.of(), honest));
				String name = (filter != null) ? filter.path("name").asString()
						: (query.isEmpty() ? "id" : query.get(0).path("name").asString());
				Map<String, String> bracketed = new LinkedHashMap<>(honest);
				bracketed.put(name + "%5B%24ne%5D", "");
				addRead("operator in a bracketed query name", path(Map.of(), bracketed), path(Map.of(), honest));
			}
		}

		private List<Encoded> queryValues(JsonNode schema) {
			List<Encoded> values = new ArrayList<>(HostileValues.injections());
			String type = type(schema);
			if (type.equals("integer") || type.equals("number")) {
				values.addAll(HostileValues.badNumbers(type.equals("number")));
			}
			else if (type.equals("boolean")) {
				values.add(Encoded.of("not a boolean", "maybe"));
			}
			else if (schema.has("enum")) {
				values.add(Encoded.of("unknown enum value", "NOT_A_VALUE"));
			}
			else if (schema.has("format")) {
				values.add(Encoded.of("impossible date", "2027-02-30"));
				values.add(Encoded.of("badly formatted", "not-a-" + schema.path("format").asString()));
			}
			return values;
		}

		private void wholeBodyCases() {
			String plausible = (this.body != null) ? this.body.toString() : "{}";
			Map<String, byte[]> bodies = new LinkedHashMap<>();
			if (this.operation.requestBody().path("required").asBoolean(false)) {
				// An optional body may be left out: no body and a JSON null then ask for the default.
				bodies.put("empty body", new byte[0]);
				bodies.put("null body", utf8("null"));
			}
			bodies.put("array instead of object", utf8("[" + plausible + "]"));
			bodies.put("string instead of object", utf8("\"" + this.operation.template() + "\""));
			bodies.put("number instead of object", utf8("42"));
			bodies.put("truncated JSON", utf8(plausible.substring(0, plausible.length() - 1)));
			bodies.put("not JSON", utf8("practiceName=Smile&region=NORTHEAST"));
			bodies.put("deeply nested object", utf8(HostileValues.deepObject()));
			bodies.put("deeply nested array", utf8(HostileValues.deepArray()));
			bodies.put("over 1 MB of whitespace around a plausible body",
					utf8(" ".repeat(HostileValues.HUGE) + plausible));
			bodies.put("operator key $where", utf8(withKey(plausible, "$where", "\"sleep(5000) || true\"")));
			bodies.put("operator key $set", utf8(withKey(plausible, "$set", "{\"status\":\"CONVERTED\",\"owner\":\"intruder\"}")));
			bodies.put("operator key $ne", utf8(withKey(plausible, "$ne", "\"\"")));
			bodies.put("dotted key", utf8(withKey(plausible, "status.$", "\"CONVERTED\"")));
			bodies.put("NUL in a key", utf8(withKey(plausible, "\\u0000", "\"x\"")));
			bodies.forEach((what, bytes) -> add(what, path(Map.of(), Map.of()), "application/json", bytes,
					Expectation.REFUSED));
			List<Object> firstString = (this.body != null) ? firstString(this.body, new ArrayList<>()) : null;
			if (firstString != null) {
				Map<String, byte[]> brokenText = new LinkedHashMap<>();
				brokenText.put("invalid UTF-8 (C3 28)", new byte[] { 'x', (byte) 0xC3, 0x28, 'y' });
				brokenText.put("invalid UTF-8 (FF FE)", new byte[] { (byte) 0xFF, (byte) 0xFE });
				brokenText.put("overlong UTF-8 (C0 AF)", new byte[] { (byte) 0xC0, (byte) 0xAF });
				brokenText.put("UTF-8 encoded lone surrogate (ED A0 80)", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
				brokenText.put("escaped lone surrogate", utf8("\\uD800"));
				brokenText.put("truncated UTF-8 sequence", new byte[] { 'x', (byte) 0xE2, (byte) 0x82 });
				brokenText.forEach((what, bytes) -> add(what + " in " + label(firstString), path(Map.of(), Map.of()),
						"application/json", splice(firstString, concat(utf8("\""), bytes, utf8("\""))), Expectation.REFUSED));
			}
			for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
				add("content type " + type, path(Map.of(), Map.of()), type, utf8(plausible), Expectation.REFUSED);
			}
		}

		private void fieldCases(JsonNode schema, List<Object> at, int depth) {
			for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
				List<Object> field = new ArrayList<>(at);
				field.add(property.getKey());
				JsonNode fieldSchema = resolve(property.getValue());
				if (fieldSchema.path("readOnly").asBoolean(false)) {
					continue;
				}
				brokenValues(property.getKey(), fieldSchema).forEach((what, raw) -> add(label(field) + ": " + what,
						path(Map.of(), Map.of()), "application/json", splice(field, utf8(raw)), Expectation.REFUSED));
				String type = type(fieldSchema);
				if (depth < 3 && type.equals("object") && !properties(fieldSchema).isEmpty()) {
					fieldCases(fieldSchema, field, depth + 1);
				}
				else if (depth < 3 && type.equals("array")) {
					JsonNode items = resolve(fieldSchema.path("items"));
					if (!properties(items).isEmpty()) {
						field.add(0);
						fieldCases(items, field, depth + 1);
					}
				}
			}
		}

		/** Broken values of one field, as raw JSON text, by what each tries. */
		private Map<String, String> brokenValues(String name, JsonNode schema) {
			Map<String, String> broken = new LinkedHashMap<>();
			String type = type(schema);
			if (!type.equals("object")) {
				HostileValues.operatorObjects().forEach((operator) -> broken.put("operator object " + operator, operator));
			}
			else {
				JsonNode plausible = sample(schema, name, 0);
				String object = (plausible instanceof ObjectNode) ? plausible.toString() : "{}";
				// In a map the value must fit, so that only the key is wrong.
				JsonNode entries = schema.path("additionalProperties");
				String value = entries.isObject() ? sample(entries, null, 1).toString() : "\"sleep(5000) || true\"";
				broken.put("operator key inside", withKey(object, "$where", value));
				broken.put("dotted key inside", withKey(object, "a.b", value));
			}
			switch (type) {
				case "string" -> {
					broken.put("number instead of text", "12345");
					broken.put("boolean instead of text", "true");
					broken.put("array instead of text", "[\"x\"]");
					broken.put("1 MB of text", "\"" + "x".repeat(HostileValues.HUGE) + "\"");
					if (schema.has("enum")) {
						broken.put("unknown enum value", "\"NOT_A_VALUE\"");
						broken.put("enum value in lower case", "\"" + schema.path("enum").path(0).asString().toLowerCase() + "\"");
						broken.put("injection as enum value", "\"' OR 1=1 --\"");
					}
					String format = schema.path("format").asString("");
					if (format.startsWith("date")) {
						broken.put("impossible date", "\"2027-02-30\"");
						broken.put("not a date", "\"tomorrow\"");
						broken.put("year beyond range", "\"+999999999-12-31\"");
					}
					if (format.equals("email")) {
						broken.put("not an e-mail address", "\"not-an-email\"");
					}
					if (isReference(name)) {
						broken.put("traversal as reference", "\"../../etc/passwd\"");
						broken.put("operator text as reference", "\"{\\\"$ne\\\":\\\"\\\"}\"");
						broken.put("injection as reference", "\"' OR 1=1 --\"");
					}
				}
				case "integer", "number" -> {
					broken.put("text instead of number", "\"twelve\"");
					broken.put("boolean instead of number", "true");
					broken.put("object instead of number", "{}");
					HostileValues.badNumberLiterals().forEach((number) -> broken.put("number " + number, number));
				}
				case "boolean" -> {
					broken.put("text instead of boolean", "\"maybe\"");
					broken.put("object instead of boolean", "{}");
				}
				case "array" -> {
					broken.put("text instead of list", "\"x\"");
					broken.put("number instead of list", "7");
					broken.put("1 MB list", "[" + "0,".repeat(HostileValues.HUGE / 2) + "0]");
					JsonNode items = resolve(schema.path("items"));
					if (items.has("enum")) {
						broken.put("unknown enum value in list", "[\"NOT_A_VALUE\"]");
					}
				}
				case "object" -> {
					broken.put("text instead of object", "\"x\"");
					broken.put("list instead of object", "[]");
				}
				default -> {
				}
			}
			return broken;
		}

		/** The plausible body with the value at {@code field} replaced by {@code raw} bytes. */
		private byte[] splice(List<Object> field, byte[] raw) {
			ObjectNode copy = this.body.deepCopy();
			JsonNode parent = copy;
			for (int i = 0; i < field.size() - 1; i++) {
				Object step = field.get(i);
				parent = (step instanceof Integer index) ? parent.path(index) : parent.path((String) step);
			}
			Object last = field.get(field.size() - 1);
			if (parent instanceof ObjectNode object) {
				object.put((String) last, SLOT);
			}
			else if (parent instanceof ArrayNode array) {
				array.set((Integer) last, NODES.stringNode(SLOT));
			}
			String text = copy.toString();
			String quotedSlot = JSON.valueToTree(SLOT).toString();
			int at = text.indexOf(quotedSlot);
			return concat(utf8(text.substring(0, at)), raw, utf8(text.substring(at + quotedSlot.length())));
		}

		private byte[] plausibleBody() {
			return (this.body != null) ? utf8(this.body.toString()) : null;
		}

		private String contentType() {
			return (this.body != null) ? "application/json" : null;
		}

		private String path(Map<String, String> encodedPathValues, Map<String, String> encodedQuery) {
			String path = this.operation.template();
			for (JsonNode parameter : this.operation.in("path")) {
				String name = parameter.path("name").asString();
				String value = encodedPathValues.containsKey(name) ? encodedPathValues.get(name)
						: HostileValues.encode(pathValue(this.operation.template(), name, resolve(parameter.path("schema"))));
				path = path.replace("{" + name + "}", value);
			}
			Map<String, String> query = new LinkedHashMap<>();
			for (JsonNode parameter : this.operation.in("query")) {
				if (parameter.path("required").asBoolean(false)) {
					query.put(parameter.path("name").asString(),
							HostileValues.encode(plausibleText(resolve(parameter.path("schema")))));
				}
			}
			query.putAll(encodedQuery);
			return query.isEmpty() ? path
					: path + "?" + query.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("&"));
		}

		private void addRead(String what, String path, String honestPath) {
			this.cases.add(new HostileCase(this.operation.name(), what, this.operation.method(), path, null, null,
					Expectation.HARMLESS, honestPath));
		}

		private void add(String what, String path, String contentType, byte[] body, Expectation expectation) {
			this.cases.add(new HostileCase(this.operation.name(), what, this.operation.method(), path, contentType, body,
					expectation));
		}

	}

	/** A plausible value for {@code schema}: the field's known value, its example, its first enum value, or marked text. */
	private JsonNode sample(JsonNode schema, String name, int depth) {
		JsonNode s = resolve(schema);
		if (name != null && this.values.containsKey(name)) {
			return this.values.get(name);
		}
		if (s.has("example") && !s.path("example").isContainer()) {
			return s.path("example");
		}
		if (s.has("enum")) {
			return s.path("enum").path(0);
		}
		switch (type(s)) {
			case "string":
				return NODES.stringNode(plausibleText(s));
			case "integer":
			case "number":
				return NODES.numberNode(Math.max(1, s.path("minimum").asLong(1)));
			case "boolean":
				return NODES.booleanNode(false);
			case "array":
				ArrayNode array = NODES.arrayNode();
				if (depth < 5) {
					array.add(sample(s.path("items"), null, depth + 1));
				}
				return array;
			case "object":
				ObjectNode object = NODES.objectNode();
				if (depth < 5) {
					properties(s).forEach((property, propertySchema) -> {
						if (!resolve(propertySchema).path("readOnly").asBoolean(false)) {
							object.set(property, sample(propertySchema, property, depth + 1));
						}
					});
					if (properties(s).isEmpty() && s.path("additionalProperties").isObject()) {
						object.set("note", sample(s.path("additionalProperties"), null, depth + 1));
					}
				}
				return object;
			default:
				return NODES.stringNode(this.marker);
		}
	}

	private String plausibleText(JsonNode schema) {
		if (schema.has("enum")) {
			return schema.path("enum").path(0).asString();
		}
		if (schema.has("example") && schema.path("example").isValueNode()) {
			return schema.path("example").asString();
		}
		switch (schema.path("format").asString("")) {
			case "date":
				return "2027-03-01";
			case "date-time":
				return "2027-03-01T10:00:00Z";
			case "email":
				return "hostile.probe@practice.example";
			case "uri":
				return "https://practice.example/" + this.marker;
			default:
				break;
		}
		if (type(schema).equals("integer") || type(schema).equals("number")) {
			return "1";
		}
		if (type(schema).equals("boolean")) {
			return "false";
		}
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		String text = this.marker + "-" + UUID.randomUUID().toString().substring(0, 8);
		text = text.substring(0, Math.min(text.length(), max));
		int min = schema.path("minLength").asInt(0);
		return (text.length() >= min) ? text : text + "x".repeat(min - text.length());
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			String ref = current.path("$ref").asString();
			current = this.api.at(ref.substring(1));
		}
		if (current.has("allOf")) {
			ObjectNode merged = NODES.objectNode();
			ObjectNode properties = merged.putObject("properties");
			for (JsonNode part : current.path("allOf")) {
				JsonNode resolved = resolve(part);
				resolved.properties().forEach((e) -> {
					if (!e.getKey().equals("properties")) {
						merged.set(e.getKey(), e.getValue());
					}
				});
				properties.setAll((ObjectNode) (resolved.path("properties").isObject() ? resolved.path("properties")
						: NODES.objectNode()));
			}
			return merged;
		}
		for (String choice : List.of("oneOf", "anyOf")) {
			if (current.has(choice)) {
				for (JsonNode option : current.path(choice)) {
					if (!type(resolve(option)).equals("null")) {
						return resolve(option);
					}
				}
			}
		}
		return current;
	}

	private Map<String, JsonNode> properties(JsonNode schema) {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		resolve(schema).path("properties").properties().forEach((e) -> properties.put(e.getKey(), e.getValue()));
		return properties;
	}

	/** The schema's type, also from OpenAPI 3.1's type lists ({@code ["string","null"]}) and from its shape. */
	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!t.asString().equals("null")) {
					return t.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		if (schema.has("properties") || schema.has("additionalProperties")) {
			return "object";
		}
		if (schema.has("items")) {
			return "array";
		}
		return schema.has("enum") ? "string" : "unknown";
	}

	/** A parameter whose every hostile value is invalid for it (a number, enum, date, bounded or patterned text). */
	private static boolean isConstrained(JsonNode schema) {
		String type = type(schema);
		return !type.equals("string") || schema.has("enum") || schema.has("format") || schema.has("pattern")
				|| schema.has("maxLength");
	}

	/** A field naming another record (an account, a product), which an unknown value cannot name. */
	private static boolean isReference(String name) {
		return name.endsWith("Id") || name.endsWith("Ids") || name.equalsIgnoreCase("sku");
	}

	private static List<Object> firstString(JsonNode node, List<Object> at) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			List<Object> path = new ArrayList<>(at);
			path.add(field.getKey());
			if (field.getValue().isString()) {
				return path;
			}
			if (field.getValue().isObject()) {
				List<Object> inner = firstString(field.getValue(), path);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	private static String withKey(String object, String key, String rawValue) {
		String inner = object.substring(1, object.length() - 1).trim();
		return "{\"" + key + "\":" + rawValue + (inner.isEmpty() ? "" : "," + inner) + "}";
	}

	private static String label(List<Object> field) {
		StringBuilder label = new StringBuilder();
		for (Object step : field) {
			label.append((step instanceof Integer index) ? "[" + index + "]" : (label.isEmpty() ? "" : ".") + step);
		}
		return label.toString();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** The distinct operations the cases cover. */
	public static Set<String> operations(List<HostileCase> cases) {
		return cases.stream().map(HostileCase::operation).collect(Collectors.toCollection(java.util.TreeSet::new));
	}

}
