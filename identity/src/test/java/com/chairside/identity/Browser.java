package com.chairside.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser, as far as the sign-in needs one: a cookie jar, HTML accepted, redirects shown rather than
 * followed (so that a test sees where each one goes), forms posted with the page's CSRF token.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
	}

	HttpResponse<String> getJson(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
	}

	/** Follows redirects on {@code url}'s server until one leaves it (or a page answers); returns that answer. */
	HttpResponse<String> follow(String url) {
		HttpResponse<String> response = get(url);
		while (response.statusCode() == 302 && location(response).startsWith(origin(url))) {
			response = get(location(response));
		}
		return response;
	}

	/** Signs in on the sign-in page at {@code signInUrl}; answers the redirect the form post gets. */
	HttpResponse<String> signIn(String signInUrl, String username, String password) {
		HttpResponse<String> page = get(signInUrl);
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + signInUrl + ": " + page.body());
		}
		return post(signInUrl, Map.of("username", username, "password", password, "_csrf", csrf.group(1)), null);
	}

	HttpResponse<String> post(String url, Map<String, String> form, String basicAuth) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
		if (basicAuth != null) {
			request.header("Authorization", "Basic " + basicAuth);
		}
		return send(request);
	}

	static String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return URI.create(response.uri().toString()).resolve(location).toString();
	}

	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	static String encode(Map<String, String> form) {
		return new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
