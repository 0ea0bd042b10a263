package com.chairside.gateway;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People signing in through the gateway as the console's backend, against a stand-in provider and a stand-in
 * lead-service that shows what it was sent: the browser gets a session cookie and a CSRF cookie, never a token; the
 * services get the session's token as a bearer token; API clients with bearer tokens go on as before.
 */
@ServiceIntegrationTest
class GatewaySignInIntegrationTests {

	static final FakeIdentityProvider provider = start();

	/** What lead-service was sent last, by header name (lower case). */
	static final Map<String, String> received = new ConcurrentHashMap<>();

	static final HttpServer leadService = upstream();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void signIn(DynamicPropertyRegistry registry) {
		registry.add("chairside.identity.issuer-uri", provider::issuer);
		registry.add("chairside.identity.client-secret", () -> "test-secret");
		registry.add("chairside.routes.leads", () -> "http://127.0.0.1:" + leadService.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		provider.close();
		leadService.stop(0);
	}

	@Test
	void sendsAnAnonymousBrowserToTheProviderWithAProofKey() {
		Browser browser = new Browser(this.port);
		HttpResponse<String> page = browser.get("/");
		assertThat(page.statusCode()).isEqualTo(302);
		HttpResponse<String> toProvider = browser.get(browser.location(page));
		assertThat(browser.location(toProvider)).startsWith(provider.issuer() + "/authorize?")
			.contains("client_id=chairside-console", "code_challenge=", "code_challenge_method=S256");
		assertThat(browser.get("/api/me").statusCode()).as("an API call without a session").isEqualTo(401);
	}

	@Test
	void servesTheConsoleToASignedInPersonAndRelaysTheSessionsTokenToTheServices() throws Exception {
		Browser browser = signedIn("am.northeast");
		HttpResponse<String> console = browser.get("/");
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.body()).contains("<title>Chairside</title>");
		assertThat(browser.cookie("CHAIRSIDE_SESSION")).hasValueSatisfying((c) -> assertThat(c.isHttpOnly()).isTrue());
		assertThat(browser.cookie("XSRF-TOKEN")).isPresent();

		HttpResponse<String> me = browser.get("/api/me");
		assertThat(me.statusCode()).isEqualTo(200);
		String relayed = received.get("authorization");
		assertThat(relayed).startsWith("Bearer ");
		SignedJWT token = SignedJWT.parse(relayed.substring(7));
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("am.northeast");
		assertThat(token.getJWTClaimsSet().getStringClaim("region")).isEqualTo("NORTHEAST");
		assertThat(received).as("the session cookie and CSRF header stay at the gateway")
			.doesNotContainKeys("cookie", "x-xsrf-token");
	}

	@Test
	void refreshesTheSessionsTokenWhenItIsAboutToRunOut() throws Exception {
		provider.accessTokensLast(Duration.ofSeconds(30));
		try {
			Browser browser = signedIn("am.northeast");
			int before = provider.refreshes();
			assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
			assertThat(provider.refreshes()).isEqualTo(before + 1);
			assertThat(SignedJWT.parse(received.get("authorization").substring(7)).getJWTClaimsSet().getExpirationTime())
				.isInTheFuture();
			String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();
			HttpResponse<String> signedOut = browser.post("/logout", null, Map.of("X-XSRF-TOKEN", csrf));
			assertThat(browser.location(signedOut)).as("signing out names the ID token the refresh brought")
				.contains("id_token_hint=" + provider.lastIdToken());
		}
		finally {
			provider.accessTokensLast(Duration.ofMinutes(5));
		}
	}

	@Test
	void refusesAStateChangingRequestWithoutTheCsrfToken() {
		Browser browser = signedIn("am.northeast");
		received.clear();
		assertThat(browser.post("/api/leads", "{}", Map.of()).statusCode()).isEqualTo(403);
		assertThat(received).as("nothing reached lead-service").isEmpty();

		String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();
		assertThat(browser.post("/api/leads", "{}", Map.of("X-XSRF-TOKEN", csrf)).statusCode()).isEqualTo(200);
		assertThat(received.get("authorization")).startsWith("Bearer ");
	}

	@Test
	void signingOutEndsTheSessionHereAndAtTheProvider() {
		Browser browser = signedIn("am.northeast");
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
		String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();
		HttpResponse<String> signedOut = browser.post("/logout", null, Map.of("X-XSRF-TOKEN", csrf));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(browser.location(signedOut)).as("the provider's end of the session")
			.startsWith(provider.issuer() + "/logout?")
			.contains("id_token_hint=", "post_logout_redirect_uri=http://127.0.0.1:" + this.port + "/");
		assertThat(signedOut.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("CHAIRSIDE_SESSION=;").contains("Expires=Thu, 01 Jan 1970"));
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(browser.get("/").statusCode()).as("back to sign-in").isEqualTo(302);
	}

	@Test
	void tellsTheConsolesScriptWhereSigningOutGoesOn() throws Exception {
		Browser browser = signedIn("am.northeast");
		String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();
		HttpResponse<String> signedOut = browser.post("/logout", null,
				Map.of("X-XSRF-TOKEN", csrf, "Accept", "application/json"));
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(signedOut.body()).path("location").asString())
			.startsWith(provider.issuer() + "/logout?id_token_hint=");
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void letsApiClientsCallWithBearerTokensAsBefore() {
		String token = Infrastructure.get().tokenIssuedBy(provider.issuer(), "api.client", "SALES_MANAGER", null);
		Browser client = new Browser(this.port);
		HttpResponse<String> me = client.send("GET", "/api/me", null, Map.of("Authorization", "Bearer " + token));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(received.get("authorization")).isEqualTo("Bearer " + token);
		assertThat(client.send("POST", "/api/leads", "{}", Map.of("Authorization", "Bearer " + token)).statusCode())
			.as("no CSRF token needed: nothing the browser sends by itself authenticates").isEqualTo(200);
		assertThat(client.send("GET", "/api/me", null, Map.of("Authorization", "Bearer not-a-token")).statusCode())
			.isEqualTo(401);
		String fromAnotherIssuer = Infrastructure.get().token("api.client", "SALES_MANAGER", null);
		assertThat(client.send("GET", "/api/me", null, Map.of("Authorization", "Bearer " + fromAnotherIssuer))
			.statusCode()).as("the gateway's provider did not issue it").isEqualTo(401);
		assertThat(client.cookie("CHAIRSIDE_SESSION")).as("no session for API clients").isEmpty();
	}

	/** Signs {@code username} in the way a browser does, following the redirects through the provider. */
	private Browser signedIn(String username) {
		provider.signsIn(username);
		Browser browser = new Browser(this.port);
		HttpResponse<String> answer = browser.get("/");
		for (int hops = 0; answer.statusCode() == 302 && hops < 6; hops++) {
			answer = browser.get(browser.location(answer));
		}
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return browser;
	}

	private static FakeIdentityProvider start() {
		try {
			return new FakeIdentityProvider();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer upstream() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				received.clear();
				exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
				exchange.getRequestBody().readAllBytes();
				FakeIdentityProvider.answer(exchange, 200, "{\"user\":\"whoever\"}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A browser: a cookie jar, pages asked for as HTML, redirects shown rather than followed. */
	static final class Browser {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String base;

		Browser(int port) {
			this.base = "http://127.0.0.1:" + port;
		}

		HttpResponse<String> get(String pathOrUrl) {
			return send("GET", pathOrUrl, null, Map.of("Accept", "text/html,application/json"));
		}

		HttpResponse<String> post(String path, String json, Map<String, String> headers) {
			return send("POST", path, json, headers);
		}

		HttpResponse<String> send(String method, String pathOrUrl, String json, Map<String, String> headers) {
			URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
						: HttpRequest.BodyPublishers.noBody());
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			headers.forEach(request::header);
			try {
				return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		String location(HttpResponse<?> response) {
			return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
		}

		java.util.Optional<HttpCookie> cookie(String name) {
			return this.cookies.getCookieStore().getCookies().stream().filter((c) -> c.getName().equals(name)).findFirst();
		}

	}

}
