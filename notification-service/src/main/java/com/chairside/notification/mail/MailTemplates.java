package com.chairside.notification.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.chairside.notification.notification.Change;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.texts.Texts;

/**
 * Renders a notification's mail from {@code templates/notification.txt} and {@code .html} through {@link Texts}: the
 * subject, the body and the change list, each change as {@code field: before -> after} in text and a table row
 * {@code before → after} in HTML, every value escaped in HTML and none expanded as a template.
 */
@Component
class MailTemplates {

	private final Texts texts;

	MailTemplates(Texts texts) {
		this.texts = texts;
	}

	String text(Notification n) {
		return this.texts.text("notification", model(n));
	}

	String html(Notification n) {
		return this.texts.html("notification", model(n));
	}

	private static Map<String, Object> model(Notification n) {
		List<Change> changes = (n.changes() != null) ? n.changes() : List.of();
		Map<String, Object> model = new HashMap<>();
		model.put("subject", n.subject());
		model.put("body", n.body());
		model.put("id", n.id());
		model.put("hasChanges", !changes.isEmpty());
		model.put("changes", changes.stream()
			.map((c) -> Map.of("field", shown(c.field()), "before", shown(c.before()), "after", shown(c.after())))
			.toList());
		return model;
	}

	private static String shown(String value) {
		return (value != null) ? value : "(none)";
	}

}
