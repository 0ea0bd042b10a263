package com.chairside.system;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signing in to the console through the gateway and the identity provider, both as processes, with a plain
 * HTTP client that keeps cookies and follows each redirect itself: the sign-in page, the password, back to the
 * console, then the API with the session alone, which lead-service answers for the person the provider signed in.
 */
class SignInSystemTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anAccountManagerSignsInAndTheServicesKnowThem() throws Exception {
		Client browser = new Client();
		HttpResponse<String> signInPage = browser.followFrom(suite.gatewayUrl() + "/");
		assertThat(signInPage.uri().toString()).isEqualTo(suite.identityIssuer() + "/login");
		assertThat(signInPage.body()).contains("<label for=\"username\">Username</label>");

		HttpResponse<String> wrong = browser.signIn(signInPage, "am.northeast", "not-it");
		assertThat(wrong.body()).contains("Wrong username or password");

		HttpResponse<String> console = browser.signIn(wrong, "am.northeast", "chairside");
		assertThat(console.uri().toString()).isEqualTo(suite.gatewayUrl() + "/");
		assertThat(console.statusCode()).isEqualTo(200);

		HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/me"))
			.header("Accept", "application/json"));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		JsonNode who = new ObjectMapper().readTree(me.body());
		assertThat(who.path("user").asText()).isEqualTo("am.northeast");
		assertThat(who.path("region").asText()).isEqualTo("NORTHEAST");
		assertThat(who.path("roles").toString()).contains("ACCOUNT_MANAGER");
	}

	/** A browser as far as signing in needs one: a cookie jar, each redirect followed by hand. */
	static final class Client {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> followFrom(String url) {
			return follow(send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")));
		}

		/** Posts the sign-in form of {@code page} and follows where it leads. */
		HttpResponse<String> signIn(HttpResponse<String> page, String username, String password) {
			Matcher csrf = CSRF.matcher(page.body());
			assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
			String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
			return follow(send(HttpRequest.newBuilder(page.uri())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form))));
		}

		private HttpResponse<String> follow(HttpResponse<String> answer) {
			for (int hops = 0; answer.statusCode() / 100 == 3 && hops < 10; hops++) {
				URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
				answer = send(HttpRequest.newBuilder(next).header("Accept", "text/html"));
			}
			return answer;
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
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

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
