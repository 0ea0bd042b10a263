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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person signing in to the console through the gateway and the identity provider, both as processes, with a plain
 * HTTP client that keeps cookies and follows each redirect itself: the sign-in page, the password, back to the
 * console, then the API with the session alone, which lead-service answers for the person the provider signed in.
 * And in a browser: a wrong password said so on the page, then signing out, which ends the session at the gateway and
 * at the provider, so that the console opened again asks for the password.
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
		JsonNode who = JsonMapper.builder().build().readTree(me.body());
		assertThat(who.path("user").asString()).isEqualTo("am.northeast");
		assertThat(who.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(who.path("roles").toString()).contains("ACCOUNT_MANAGER");
	}

	@Test
	void signingOutOfTheConsoleEndsTheSessionAtTheProviderToo() throws Exception {
		assumeTrue(ConsoleBrowser.signInAvailable(suite), "the gateway has no browser sign-in yet");
		try (ConsoleBrowser browser = ConsoleBrowser.open(suite)) {
			browser.driver.get(browser.console);
			browser.type(browser.field("Username"), "am.northwest");
			browser.type(browser.field("Password"), "not-it");
			browser.button("Sign in").click();
			browser.alert("wrong username or password");
			browser.type(browser.field("Username"), "am.northwest");
			browser.type(browser.field("Password"), "chairside");
			browser.button("Sign in").click();
			browser.heading("My day");
			String session = browser.driver.manage().getCookieNamed("CHAIRSIDE_SESSION").getValue();

			browser.button("Sign out").click();
			signInPage(browser);
			browser.text("You are signed out.");
			assertThat(new Client().send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/me"))
				.header("Cookie", "CHAIRSIDE_SESSION=" + session)).statusCode()).as("the old session").isEqualTo(401);
			browser.screenshot("signed-out");

			// Opened again, the console asks for the password: the provider's session ended with the console's.
			browser.driver.get(browser.console);
			signInPage(browser);
		}
	}

	private static void signInPage(ConsoleBrowser browser) {
		browser.wait.until(ExpectedConditions.urlToBe(suite.identityIssuer() + "/login"));
		browser.field("Username");
		browser.field("Password");
		browser.button("Sign in");
		assertThat(browser.driver.findElements(By.xpath("//h1[starts-with(normalize-space(), 'My day')]"))).isEmpty();
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
