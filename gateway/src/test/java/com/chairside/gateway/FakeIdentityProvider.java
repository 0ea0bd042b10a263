package com.chairside.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider just big enough for the gateway's sign-in: discovery, an authorization endpoint that
 * signs in whoever the test names (no page), a token endpoint that checks the PKCE verifier against the challenge and
 * the client's secret, refresh tokens, a JWK set, and an end-session endpoint named in discovery (never called: the
 * tests read where the gateway sends the browser). The real provider is the identity module, tested on its own and
 * with the gateway in the system tests.
 */
final class FakeIdentityProvider implements AutoCloseable {

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

	private final AtomicInteger refreshes = new AtomicInteger();

	private volatile String person = "am.northeast";

	private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);

	private volatile String lastAuthorizationQuery;

	private volatile String lastIdToken;

	FakeIdentityProvider() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> answer(exchange, 200, discovery()));
		this.server.createContext("/jwks", (exchange) -> answer(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/authorize", this::authorize);
		this.server.createContext("/token", this::token);
		this.server.start();
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Who the next authorization signs in. */
	void signsIn(String username) {
		this.person = username;
	}

	void accessTokensLast(Duration lifetime) {
		this.accessTokenLifetime = lifetime;
	}

	int refreshes() {
		return this.refreshes.get();
	}

	String lastAuthorizationQuery() {
		return this.lastAuthorizationQuery;
	}

	/** The ID token issued last, by a code or a refresh. */
	String lastIdToken() {
		return this.lastIdToken;
	}

	private String discovery() {
		String issuer = issuer();
		return """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
				 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
				 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid"],
				 "token_endpoint_auth_methods_supported":["client_secret_basic"],
				 "grant_types_supported":["authorization_code","refresh_token"],"code_challenge_methods_supported":["S256"],
				 "end_session_endpoint":"%1$s/logout"}
				""".formatted(issuer);
	}

	private void authorize(HttpExchange exchange) throws IOException {
		this.lastAuthorizationQuery = exchange.getRequestURI().getRawQuery();
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new Grant(this.person, query.get("code_challenge"), query.get("nonce"),
				query.get("client_id")));
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String client = exchange.getRequestHeaders().getFirst("Authorization");
		if (client == null || !client.equals("Basic " + Base64.getEncoder()
			.encodeToString("chairside-console:test-secret".getBytes(StandardCharsets.UTF_8)))) {
			answer(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		if ("refresh_token".equals(form.get("grant_type"))) {
			String username = this.refreshTokens.remove(form.get("refresh_token"));
			if (username == null) {
				answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
				return;
			}
			this.refreshes.incrementAndGet();
			// A fresh ID token too, as an OpenID provider gives with the openid scope
			answer(exchange, 200, tokens(username, null, "chairside-console"));
			return;
		}
		Grant grant = this.codes.remove(form.getOrDefault("code", ""));
		if (grant == null || grant.challenge() == null || !grant.challenge().equals(s256(form.get("code_verifier")))) {
			answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verifier does not match\"}");
			return;
		}
		answer(exchange, 200, tokens(grant.username(), grant.nonce(), grant.clientId()));
	}

	private String tokens(String username, String nonce, String clientId) {
		Instant now = Instant.now();
		String refresh = UUID.randomUUID().toString();
		this.refreshTokens.put(refresh, username);
		JWTClaimsSet.Builder access = new JWTClaimsSet.Builder().subject(username)
			.issuer(issuer())
			.audience("chairside")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.accessTokenLifetime)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("ACCOUNT_MANAGER"))
			.claim("region", "NORTHEAST");
		String idToken = "";
		if (clientId != null) {
			this.lastIdToken = sign(new JWTClaimsSet.Builder().subject(username)
				.issuer(issuer())
				.audience(clientId)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
				.claim("nonce", nonce)
				.build());
			idToken = ",\"id_token\":\"" + this.lastIdToken + "\"";
		}
		return "{\"access_token\":\"" + sign(access.build()) + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ this.accessTokenLifetime.toSeconds() + ",\"scope\":\"openid\",\"refresh_token\":\"" + refresh + "\""
				+ idToken + "}";
	}

	private String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static String s256(String verifier) {
		if (verifier == null) {
			return "";
		}
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> form(String raw) {
		Map<String, String> params = new HashMap<>();
		if (raw != null && !raw.isEmpty()) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
			}
		}
		return params;
	}

	static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Grant(String username, String challenge, String nonce, String clientId) {
	}

}
