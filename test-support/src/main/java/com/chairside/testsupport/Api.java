package com.chairside.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Real HTTP to a service or the gateway, as the sales UI calls it: JSON bodies and a bearer token. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String token;

	public Api(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** A service on this machine's {@code port}. */
	public static Api local(int port, String token) {
		return new Api("http://127.0.0.1:" + port, token);
	}

	/** The same server as another user. */
	public Api as(String token) {
		return new Api(this.baseUrl, token);
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, String json) {
		return send("POST", path, json);
	}

	public Response patch(String path, String json) {
		return send("PATCH", path, json);
	}

	public Response send(String method, String path, String json) {
		return send(method, path, json, java.util.Map.of());
	}

	/** A call with extra headers ({@code If-Match}, {@code Accept}, ...). */
	public Response send(String method, String path, String json, java.util.Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		headers.forEach(request::setHeader);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, raw body, the body as JSON, and headers. */
	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			try {
				return (this.body == null || this.body.isBlank()) ? MissingNode.getInstance() : JSON.readTree(this.body);
			}
			catch (JacksonException ex) {
				throw new IllegalStateException("Not JSON: " + this.body, ex);
			}
		}

		public String field(String name) {
			return json().path(name).asString(null);
		}

		public Optional<String> header(String name) {
			return this.raw.headers().firstValue(name);
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
