package com.chairside.notification.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the texts people read from Mustache templates under {@code templates/}: a value is inserted as it is and
 * never read as a template (a change reason holding {@code {{changes}}} stays literal), HTML templates escape every
 * value unless the template says otherwise, and a missing value renders empty. A template names others as partials
 * ({@code {{> order}}}).
 */
@Component
public class Texts {

	/** Line and paragraph breaks and tabs: a subject is one line. */
	private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\t\\u2028\\u2029\\u0085]+");

	/**
	 * Control and format characters: bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069), zero-width
	 * characters, the byte order mark and C0/C1 controls, which would make a subject read other than it is.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

	private final Mustache.Compiler text = Mustache.compiler()
		.escapeHTML(false)
		.defaultValue("")
		.withLoader(Texts::partial);

	private final Mustache.Compiler html = Mustache.compiler().defaultValue("").withLoader(Texts::partial);

	private final Map<String, Template> compiled = new ConcurrentHashMap<>();

	/** A plain-text template ({@code templates/<name>.txt}) filled with {@code model}. */
	public String text(String name, Map<String, ?> model) {
		return this.compiled.computeIfAbsent("txt:" + name, (key) -> this.text.compile(read(name + ".txt")))
			.execute(model);
	}

	/** An HTML template ({@code templates/<name>.html}) filled with {@code model}, every value HTML-escaped. */
	public String html(String name, Map<String, ?> model) {
		return this.compiled.computeIfAbsent("html:" + name, (key) -> this.html.compile(read(name + ".html")))
			.execute(model);
	}

	/** A subject line: the template {@code templates/<name>.txt} filled, on one line, without invisible characters. */
	public String subject(String name, Map<String, ?> model) {
		return oneLine(text(name, model));
	}

	/** Whether a subject template exists for {@code name}. */
	public boolean has(String name) {
		return new ClassPathResource("templates/" + name + ".txt").exists();
	}

	/** {@code value} on one line, bidi controls, zero-width and other invisible characters removed, trimmed. */
	public static String oneLine(String value) {
		if (value == null) {
			return null;
		}
		return INVISIBLE.matcher(BREAKS.matcher(value).replaceAll(" ")).replaceAll("").strip();
	}

	private static Reader partial(String name) {
		return new StringReader(read(name + ".txt").strip());
	}

	private static String read(String name) {
		try (InputStream in = new ClassPathResource("templates/" + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Template " + name + " is missing", ex);
		}
	}

}
