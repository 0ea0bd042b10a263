package com.chairside.gateway.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The AsyncAPI document of the event contract as one HTML page for subscribers: the servers, each topic with who
 * publishes and who consumes it, the CloudEvents headers, and each event with its type, key, payload schema and
 * example. Every text taken from the contract is HTML-escaped; the only markup read from it is Markdown's
 * {@code `code`} and {@code * } lists, turned into tags after escaping. The YAML is read with SnakeYAML's safe
 * constructor (plain maps, lists and scalars only).
 */
final class EventContractPage {

	private static final String MESSAGE_REF = "#/components/messages/";

	private static final String CHANNEL_REF = "#/channels/";

	private final Map<String, Object> document;

	private final Function<String, String> files;

	private final StringBuilder html = new StringBuilder(256 * 1024);

	/**
	 * @param files the contract's files by their path relative to {@code asyncapi.yaml} ({@code asyncapi.yaml},
	 * {@code events/<ce_type>.example.json}), {@code null} for a file that is not there
	 */
	private EventContractPage(Function<String, String> files) {
		this.files = files;
		String yaml = files.apply("asyncapi.yaml");
		if (yaml == null) {
			throw new IllegalStateException("No asyncapi.yaml in the contract");
		}
		this.document = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
	}

	static String render(Function<String, String> files) {
		return new EventContractPage(files).page();
	}

	private String page() {
		Map<String, Object> info = map(this.document.get("info"));
		String title = text(info.get("title"));
		this.html.append("""
				<!doctype html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>""").append(escape(title)).append(" · event documentation</title>\n").append(STYLE).append("""
				</head>
				<body>
				<header><h1>""").append(escape(title)).append(" <small>version ").append(escape(text(info.get("version"))))
			.append(" · AsyncAPI ").append(escape(text(this.document.get("asyncapi")))).append("</small></h1>\n");
		markdown(text(info.get("description")));
		this.html.append("""
				<nav aria-label="Contents"><a href="#servers">Servers</a> · <a href="#topics">Topics</a> · \
				<a href="#headers">Headers</a> · <a href="#events">Events</a></nav>
				</header>
				<main>
				""");
		servers();
		topics();
		headers();
		events();
		this.html.append("</main>\n</body>\n</html>\n");
		return this.html.toString();
	}

	private void servers() {
		this.html.append("<section id=\"servers\"><h2>Servers</h2>\n<table><thead><tr><th>name</th><th>host</th>")
			.append("<th>protocol</th><th>description</th></tr></thead><tbody>\n");
		map(this.document.get("servers")).forEach((name, value) -> {
			Map<String, Object> server = map(value);
			this.html.append("<tr><td>").append(escape(name)).append("</td><td><code>")
				.append(escape(text(server.get("host")))).append("</code></td><td>")
				.append(escape(text(server.get("protocol")))).append("</td><td>")
				.append(inline(text(server.get("description")))).append("</td></tr>\n");
		});
		this.html.append("</tbody></table></section>\n");
	}

	private void topics() {
		this.html.append("<section id=\"topics\"><h2>Topics</h2>\n");
		Map<String, List<Map<String, Object>>> operations = operationsByChannel();
		map(this.document.get("channels")).forEach((name, value) -> {
			Map<String, Object> channel = map(value);
			String address = text(channel.get("address"));
			Map<String, Object> kafka = map(map(channel.get("bindings")).get("kafka"));
			this.html.append("<article id=\"topic-").append(escape(address)).append("\"><h3><code>").append(escape(address))
				.append("</code> ").append(escape(text(channel.get("title")))).append("</h3>\n");
			markdown(text(channel.get("description")));
			this.html.append("<dl><dt>partitions</dt><dd>").append(escape(text(kafka.get("partitions"))))
				.append("</dd><dt>events</dt><dd>");
			List<String> links = new ArrayList<>();
			for (String message : map(channel.get("messages")).keySet()) {
				links.add(eventLink(message));
			}
			this.html.append(String.join(", ", links)).append("</dd></dl>\n");
			this.html.append("<table><thead><tr><th>who</th><th>does</th><th>events</th></tr></thead><tbody>\n");
			for (Map<String, Object> operation : operations.getOrDefault(name, List.of())) {
				boolean sends = "send".equals(text(operation.get("action")));
				String who = sends ? text(operation.get("x-producer")) : text(operation.get("x-consumer-group"));
				this.html.append("<tr><td>").append(escape(who)).append(sends ? " <small>publishes</small>"
						: " <small>consumer group</small>").append("</td><td><strong>")
					.append(escape(text(operation.get("title")))).append("</strong><br>")
					.append(inline(text(operation.get("summary")))).append("</td><td>");
				List<String> events = new ArrayList<>();
				for (Object ref : list(operation.get("messages"))) {
					String path = text(map(ref).get("$ref"));
					events.add(eventLink(path.substring(path.lastIndexOf('/') + 1)));
				}
				this.html.append(String.join(", ", events)).append("</td></tr>\n");
			}
			this.html.append("</tbody></table></article>\n");
		});
		this.html.append("</section>\n");
	}

	/** The send and receive operations of each channel (by its key under {@code channels}), in document order. */
	private Map<String, List<Map<String, Object>>> operationsByChannel() {
		Map<String, List<Map<String, Object>>> byChannel = new LinkedHashMap<>();
		map(this.document.get("operations")).values().forEach((value) -> {
			Map<String, Object> operation = map(value);
			String ref = text(map(operation.get("channel")).get("$ref"));
			if (ref.startsWith(CHANNEL_REF)) {
				byChannel.computeIfAbsent(ref.substring(CHANNEL_REF.length()), (k) -> new ArrayList<>()).add(operation);
			}
		});
		return byChannel;
	}

	private void headers() {
		Map<String, Object> schema = map(map(map(this.document.get("components")).get("schemas")).get("CloudEventHeaders"));
		Set<String> required = new LinkedHashSet<>();
		list(schema.get("required")).forEach((name) -> required.add(text(name)));
		this.html.append("<section id=\"headers\"><h2>Headers</h2>\n");
		markdown(text(schema.get("description")));
		this.html.append("<table><thead><tr><th>header</th><th>required</th><th>value</th><th>description</th></tr>")
			.append("</thead><tbody>\n");
		map(schema.get("properties")).forEach((name, value) -> {
			Map<String, Object> property = map(value);
			List<String> shape = new ArrayList<>();
			for (String key : List.of("const", "format", "pattern")) {
				if (property.containsKey(key)) {
					shape.add(key + " <code>" + escape(text(property.get(key))) + "</code>");
				}
			}
			this.html.append("<tr><td><code>").append(escape(name)).append("</code></td><td>")
				.append(required.contains(name) ? "yes" : "no").append("</td><td>").append(String.join("<br>", shape))
				.append("</td><td>").append(inline(text(property.get("description")))).append("</td></tr>\n");
		});
		this.html.append("</tbody></table></section>\n");
	}

	private void events() {
		this.html.append("<section id=\"events\"><h2>Events</h2>\n");
		Map<String, String> topicOf = new LinkedHashMap<>();
		map(this.document.get("channels")).values().forEach((value) -> {
			Map<String, Object> channel = map(value);
			for (String message : map(channel.get("messages")).keySet()) {
				topicOf.putIfAbsent(message, text(channel.get("address")));
			}
		});
		map(map(this.document.get("components")).get("messages")).forEach((name, value) -> {
			Map<String, Object> message = map(value);
			Map<String, String> headers = constantHeaders(message);
			String type = headers.getOrDefault("ce_type", name);
			String topic = topicOf.getOrDefault(name, "");
			this.html.append("<article id=\"").append(escape(anchor(name))).append("\"><h3>")
				.append(escape(text(message.get("title")))).append("</h3>\n");
			markdown(text(message.get("summary")));
			this.html.append("<dl><dt><code>ce_type</code></dt><dd><code>").append(escape(type))
				.append("</code></dd><dt><code>ce_source</code></dt><dd><code>")
				.append(escape(headers.getOrDefault("ce_source", ""))).append("</code></dd><dt>topic</dt><dd><a href=\"#topic-")
				.append(escape(topic)).append("\"><code>").append(escape(topic)).append("</code></a></dd><dt>key</dt><dd>")
				.append(inline(text(map(map(map(message.get("bindings")).get("kafka")).get("key")).get("description"))))
				.append("</dd><dt><code>ce_dataschema</code></dt><dd><code>")
				.append(escape(headers.getOrDefault("ce_dataschema", ""))).append("</code></dd></dl>\n");
			String payload = text(map(message.get("payload")).get("$ref"));
			file("Payload schema", payload.startsWith("./") ? payload.substring(2) : payload);
			file("Example", "events/" + type + ".example.json");
			this.html.append("</article>\n");
		});
		this.html.append("</section>\n");
	}

	/** The headers a message pins to one value ({@code ce_type}, {@code ce_source}, {@code ce_dataschema}). */
	private static Map<String, String> constantHeaders(Map<String, Object> message) {
		Map<String, String> constants = new LinkedHashMap<>();
		for (Object part : list(map(message.get("headers")).get("allOf"))) {
			map(map(part).get("properties")).forEach((header, value) -> {
				Object constant = map(value).get("const");
				if (constant != null) {
					constants.put(header, text(constant));
				}
			});
		}
		return constants;
	}

	private void file(String label, String path) {
		String content = path.isEmpty() ? null : this.files.apply(path);
		if (content == null) {
			return;
		}
		this.html.append("<details><summary>").append(escape(label)).append(" <code>").append(escape(path))
			.append("</code></summary><pre>").append(escape(content.strip())).append("</pre></details>\n");
	}

	private static String eventLink(String message) {
		return "<a href=\"#" + escape(anchor(message)) + "\">" + escape(message) + "</a>";
	}

	private static String anchor(String message) {
		return "event-" + message;
	}

	/** Paragraphs and {@code * } lists (their items continued on indented lines), with inline code. */
	private void markdown(String text) {
		List<String> paragraph = new ArrayList<>();
		List<String> items = new ArrayList<>();
		for (String line : text.strip().split("\n", -1)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				flush(paragraph, items);
			}
			else if (trimmed.startsWith("* ") || trimmed.startsWith("- ")) {
				flushParagraph(paragraph);
				items.add(trimmed.substring(2));
			}
			else if (!items.isEmpty() && line.startsWith(" ")) {
				items.set(items.size() - 1, items.get(items.size() - 1) + " " + trimmed);
			}
			else {
				flushItems(items);
				paragraph.add(trimmed);
			}
		}
		flush(paragraph, items);
	}

	private void flush(List<String> paragraph, List<String> items) {
		flushParagraph(paragraph);
		flushItems(items);
	}

	private void flushParagraph(List<String> paragraph) {
		if (!paragraph.isEmpty()) {
			this.html.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
			paragraph.clear();
		}
	}

	private void flushItems(List<String> items) {
		if (!items.isEmpty()) {
			this.html.append("<ul>");
			items.forEach((item) -> this.html.append("<li>").append(inline(item)).append("</li>"));
			this.html.append("</ul>\n");
			items.clear();
		}
	}

	/** Escapes {@code text}, then marks up its {@code `code`} spans (which escaping cannot have produced). */
	static String inline(String text) {
		String[] parts = escape(text).split("`", -1);
		StringBuilder out = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			boolean opens = i % 2 == 1;
			if (opens && i == parts.length - 1) {
				out.append('`'); // an unpaired backtick stays as it is
			}
			else {
				out.append(opens ? "<code>" : "</code>");
			}
			out.append(parts[i]);
		}
		return out.toString();
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static final String STYLE = """
			<style>
			body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2733; }
			header, main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
			h1 small, h3 small { font-weight: normal; color: #5a6675; font-size: .6em; }
			h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2.5rem; }
			article { margin: 1.5rem 0; }
			table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
			th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
			th { background: #f3f5f7; }
			dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
			dt { font-weight: 600; } dd { margin: 0; }
			code { font-size: .9em; background: #f3f5f7; padding: 0 .2rem; border-radius: 3px; }
			pre { background: #f3f5f7; padding: .75rem; overflow: auto; font-size: .85em; }
			summary { cursor: pointer; margin: .25rem 0; }
			td small { color: #5a6675; }
			</style>
			""";

}
