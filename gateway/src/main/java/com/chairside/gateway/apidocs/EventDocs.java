package com.chairside.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /docs/events}: the event contract for subscribers, rendered from the {@code contracts} jar's
 * {@code chairside/contracts/asyncapi.yaml} (with its schemas and examples) once, when the gateway starts: the jar
 * does not change while it runs, and a contract that cannot be read stops the start rather than the first reader.
 */
@RestController
class EventDocs {

	static final String PATH = "/docs/events";

	private static final String CONTRACT = "chairside/contracts/";

	private final String page = EventContractPage.render(EventDocs::read);

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return this.page;
	}

	private static String read(String path) {
		try (InputStream in = EventDocs.class.getClassLoader().getResourceAsStream(CONTRACT + path)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
