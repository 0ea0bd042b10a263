package com.chairside.notification.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.chairside.notification.notification.Change;
import com.chairside.notification.notification.Notification;

/**
 * Renders a notification from {@code templates/notification.txt} and {@code .html}: the subject, the body and the
 * change list, each change as {@code field: before -> after} in text and a table row {@code before → after} in HTML.
 */
@Component
class MailTemplates {

	private final String text = read("templates/notification.txt");

	private final String html = read("templates/notification.html");

	String text(Notification n) {
		return fill(this.text, Map.of("subject", n.subject(), "body", nullToEmpty(n.body()), "id", n.id(), "changes",
				textChanges(n.changes())));
	}

	String html(Notification n) {
		return fill(this.html, Map.of("subject", HtmlUtils.htmlEscape(n.subject()), "body",
				HtmlUtils.htmlEscape(nullToEmpty(n.body())), "id", n.id(), "changes", htmlChanges(n.changes())));
	}

	private static String textChanges(List<Change> changes) {
		if (changes == null || changes.isEmpty()) {
			return "";
		}
		return "What changed:\n" + changes.stream()
			.map((c) -> "  " + c.field() + ": " + shown(c.before()) + " -> " + shown(c.after()))
			.collect(Collectors.joining("\n")) + "\n";
	}

	private static String htmlChanges(List<Change> changes) {
		if (changes == null || changes.isEmpty()) {
			return "";
		}
		return "<h3>What changed</h3>\n<table cellpadding=\"4\">\n" + changes.stream()
			.map((c) -> "<tr><td>" + HtmlUtils.htmlEscape(c.field()) + "</td><td><s>"
					+ HtmlUtils.htmlEscape(shown(c.before())) + "</s> &rarr; <b>" + HtmlUtils.htmlEscape(shown(c.after()))
					+ "</b></td></tr>")
			.collect(Collectors.joining("\n")) + "\n</table>";
	}

	private static String shown(String value) {
		return (value != null) ? value : "(none)";
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String fill(String template, Map<String, String> values) {
		String filled = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		return filled;
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Mail template " + path + " is missing", ex);
		}
	}

}
