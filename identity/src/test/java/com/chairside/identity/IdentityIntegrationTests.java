package com.chairside.identity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider over real HTTP, as the console's backend and a person's browser meet it: discovery, the sign-in page,
 * the whole authorization code flow with PKCE, ending in tokens that carry the users file's claims, and signing out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityIntegrationTests {

	static final int PORT = freePort();

	static final String ISSUER = "http://127.0.0.1:" + PORT;

	static final String CONSOLE = "http://127.0.0.1:8080/";

	static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/chairside";

	static final String CLIENT = Base64.getEncoder()
		.encodeToString("chairside-console:chairside-console-dev-secret".getBytes(StandardCharsets.UTF_8));

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) throws IOException {
		Path keys = Files.createTempDirectory("identity-key");
		registry.add("server.port", () -> PORT);
		registry.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
		registry.add("chairside.identity.key-file", () -> keys.resolve("key.json").toString());
	}

	@Test
	void publishesItsDiscoveryDocument() {
		HttpResponse<String> discovery = new Browser().getJson(ISSUER + "/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		JsonNode document = JSON.readTree(discovery.body());
		assertThat(document.path("issuer").asString()).isEqualTo(ISSUER);
		assertThat(document.path("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
		assertThat(document.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
		assertThat(document.path("code_challenge_methods_supported").toString()).contains("S256");
		assertThat(document.path("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
		assertThat(new Browser().getJson(ISSUER + "/.well-known/jwks.json").body()).contains("\"kty\":\"RSA\"")
			.doesNotContain("\"d\":");
	}

	@Test
	void showsASignInPageWithLabelledFields() {
		String page = new Browser().get(ISSUER + "/login").body();
		assertThat(page).contains("<label for=\"username\">Username</label>", "<input id=\"username\"",
				"<label for=\"password\">Password</label>", "<input id=\"password\"",
				"<button type=\"submit\">Sign in</button>");
	}

	@Test
	void saysSoOnTheSignInPageWhenThePasswordIsWrong() {
		Browser browser = new Browser();
		HttpResponse<String> refused = browser.signIn(ISSUER + "/login", "am.northeast", "not-the-password");
		assertThat(Browser.location(refused)).isEqualTo(ISSUER + "/login?error");
		assertThat(browser.get(Browser.location(refused)).body()).contains("Wrong username or password");
	}

	@Test
	void sendsSomeoneWhoSignedInHereByThemselvesToTheConsole() {
		HttpResponse<String> signedIn = new Browser().signIn(ISSUER + "/login", "sales.admin", "chairside");
		assertThat(Browser.location(signedIn)).isEqualTo("http://127.0.0.1:8080/");
	}

	@Test
	void refusesAnAuthorizationWithoutProofKey() {
		Browser browser = new Browser();
		browser.signIn(ISSUER + "/login", "admin", "chairside");
		HttpResponse<String> refused = browser.get(ISSUER + "/oauth2/authorize?response_type=code&client_id=chairside-console"
				+ "&scope=openid&state=s1&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
		assertThat(Browser.location(refused)).startsWith(REDIRECT).contains("error=invalid_request");
	}

	@Test
	void signsAnAccountManagerInWithTheirRegion() {
		Jwt token = signIn("am.northeast").accessToken();
		assertThat(token.getSubject()).isEqualTo("am.northeast");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("ACCOUNT_MANAGER");
		assertThat(token.getClaimAsString("region")).isEqualTo("NORTHEAST");
		assertThat(token.getClaimAsString("department")).isNull();
		assertThat(token.getIssuer()).hasToString(ISSUER);
		assertThat(token.getAudience()).containsExactly("chairside");
	}

	@Test
	void signsADepartmentInWithItsDepartment() {
		Jwt token = signIn("dept.production").accessToken();
		assertThat(token.getClaimAsStringList("roles")).containsExactly("DEPARTMENT");
		assertThat(token.getClaimAsString("department")).isEqualTo("PRODUCTION");
		assertThat(token.getClaimAsString("region")).isNull();
	}

	@Test
	void signsTheAdministratorIn() {
		Jwt token = signIn("admin").accessToken();
		assertThat(token.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(token.getClaimAsString("region")).isNull();
	}

	@Test
	void keepsThePersonSignedInUntilTheConsoleSignsThemOut() {
		SignedIn person = signIn("am.northeast");
		assertThat(Browser.location(person.browser().get(authorize(random()))))
			.as("signed in here already: a code without the password").startsWith(REDIRECT + "?code=");

		HttpResponse<String> unchecked = person.browser().get(signOut("not-a-token"));
		assertThat(unchecked.statusCode()).as("a sign-out whose ID token is not this provider's").isEqualTo(400);
		assertThat(Browser.location(person.browser().get(authorize(random())))).startsWith(REDIRECT + "?code=");

		HttpResponse<String> signedOut = person.browser().get(signOut(person.idToken()));
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(302);
		assertThat(Browser.location(signedOut)).isEqualTo(CONSOLE);
		assertThat(Browser.location(person.browser().get(authorize(random())))).isEqualTo(ISSUER + "/login");
		assertThat(person.browser().get(ISSUER + "/login").body()).contains("You are signed out.");
		assertThat(person.browser().get(ISSUER + "/login").body()).as("said once").doesNotContain("signed out");
	}

	@Test
	void showsTheSignInPageToSomeoneSigningOutWhoIsNotSignedInHere() {
		Browser browser = new Browser();
		HttpResponse<String> signedOut = browser.get(signOut("an-id-token-from-before-a-restart"));
		assertThat(Browser.location(signedOut)).isEqualTo(ISSUER + "/login?logout");
		assertThat(browser.get(Browser.location(signedOut)).body()).contains("You are signed out.");
	}

	private static String authorize(String verifier) {
		return ISSUER + "/oauth2/authorize?response_type=code&client_id=chairside-console&scope=openid"
				+ "&state=s42&code_challenge_method=S256&code_challenge=" + challenge(verifier) + "&redirect_uri="
				+ URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
	}

	/** The console's sign-out at the provider (RP-initiated logout), back to the console. */
	private static String signOut(String idToken) {
		return ISSUER + "/connect/logout?id_token_hint=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
				+ "&post_logout_redirect_uri=" + URLEncoder.encode(CONSOLE, StandardCharsets.UTF_8);
	}

	/** A person signed in: their browser (with the provider's session), access token and current ID token. */
	record SignedIn(Browser browser, Jwt accessToken, String idToken) {
	}

	/**
	 * The authorization code flow with PKCE, as the gateway runs it for a browser: authorize (sent to sign in), sign
	 * in, back to authorize, the code at the redirect URI, the code and verifier exchanged for tokens. The access
	 * token is verified against the JWK set the services use.
	 */
	private SignedIn signIn(String username) {
		Browser browser = new Browser();
		String verifier = random();
		HttpResponse<String> toSignIn = browser.get(authorize(verifier));
		assertThat(Browser.location(toSignIn)).isEqualTo(ISSUER + "/login");
		HttpResponse<String> signedIn = browser.signIn(ISSUER + "/login", username, "chairside");
		HttpResponse<String> withCode = browser.follow(Browser.location(signedIn));
		String callback = Browser.location(withCode);
		assertThat(callback).startsWith(REDIRECT + "?code=").endsWith("&state=s42");
		String code = callback.substring(callback.indexOf("code=") + 5, callback.indexOf("&state"));

		HttpResponse<String> tokens = browser.post(ISSUER + "/oauth2/token", Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", REDIRECT, "code_verifier", verifier), CLIENT);
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(tokens.body());
		assertThat(answer.path("id_token").isString()).isTrue();
		assertThat(answer.path("refresh_token").isString()).isTrue();

		HttpResponse<String> refreshed = browser.post(ISSUER + "/oauth2/token", Map.of("grant_type", "refresh_token",
				"refresh_token", answer.path("refresh_token").asString()), CLIENT);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		Jwt access = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/.well-known/jwks.json")
			.build()
			.decode(answer.path("access_token").asString());
		// The refresh brought a new ID token, the one the provider knows the sign-in by from now on.
		String idToken = JSON.readTree(refreshed.body()).path("id_token").asString();
		assertThat(idToken).isNotEmpty();
		return new SignedIn(browser, access, idToken);
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
