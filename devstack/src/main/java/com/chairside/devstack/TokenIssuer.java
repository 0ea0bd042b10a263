package com.chairside.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Tokens for API clients and tests without signing in: signs RS256 tokens with the claims the services read
 * ({@code sub}, {@code roles}, {@code region}, {@code department}), the embedded identity provider's issuer and the
 * audience {@code chairside}, with the key the provider signs people's tokens with (the same key file), so that both
 * verify against one JWK set. Can also serve that JWK set itself (tests). For local use and tests only.
 */
public final class TokenIssuer implements AutoCloseable {

	/** The embedded identity provider's issuer, which {@code bin/chairside up} runs on port 9000. */
	public static final String ISSUER = "http://127.0.0.1:9000";

	/** The audience of every Chairside access token. */
	public static final String AUDIENCE = "chairside";

	private final RSAKey key;

	private final String issuer;

	private HttpServer server;

	public TokenIssuer(RSAKey key) {
		this(key, ISSUER);
	}

	private TokenIssuer(RSAKey key, String issuer) {
		this.key = key;
		this.issuer = issuer;
	}

	/** The same key, issuing tokens as {@code issuer} (an identity provider on another port, in tests). */
	public TokenIssuer issuedBy(String issuer) {
		return new TokenIssuer(this.key, issuer);
	}

	/** A new key in memory (tests). */
	public static TokenIssuer withNewKey() {
		try {
			return new TokenIssuer(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The key kept in {@code file}, made on first use, so that tokens stay valid across restarts of the devstack. */
	public static TokenIssuer withKeyIn(Path file) throws IOException {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
				Files.writeString(file, key.toJSONString());
			}
			return new TokenIssuer(RSAKey.parse(Files.readString(file)));
		}
		catch (JOSEException | ParseException ex) {
			throw new IOException("Cannot use the issuer key in " + file, ex);
		}
	}

	/** A token for {@code user} with one role; {@code region} and {@code department} may be null. */
	public String issue(String user, String role, String region, String department) {
		return issue(user, List.of(role), region, department, Duration.ofHours(12));
	}

	public String issue(String user, List<String> roles, String region, String department, Duration ttl) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user)
			.issuer(this.issuer)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", roles);
		if (region != null) {
			claims.claim("region", region);
		}
		if (department != null) {
			claims.claim("department", department);
		}
		return sign(claims.build());
	}

	/** Signs {@code claims} as they are (tests of what the services refuse: another issuer, no audience). */
	public String sign(JWTClaimsSet claims) {
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

	public String jwkSet() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/**
	 * Serves {@code GET /.well-known/jwks.json} and nothing else: minting tokens over HTTP would hand any claims to
	 * whoever reaches the port, so tokens come from {@link #issue} in-process or {@code bin/chairside token}, which
	 * needs the key file.
	 */
	public TokenIssuer serve(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.server.createContext("/.well-known/jwks.json", (exchange) -> answer(exchange, 200, jwkSet()));
		this.server.start();
		return this;
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	/**
	 * {@code TokenIssuer serve <key file> [port]} runs the issuer; {@code TokenIssuer token <key file> --user U --role R
	 * [--region X] [--department D]} prints a token on its last line.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: TokenIssuer serve <key file> [port] | token <key file> --user U --role R [--region X] [--department D]");
			System.exit(2);
		}
		TokenIssuer issuer = withKeyIn(Path.of(args[1]));
		if (args[0].equals("serve")) {
			int port = args.length > 2 ? Integer.parseInt(args[2]) : 9000;
			issuer.serve(port);
			Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "issuer-shutdown"));
			System.out.println("Token issuer: JWK set at " + issuer.jwkSetUri());
			Thread.currentThread().join();
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 2; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		if (options.get("user") == null || options.get("role") == null) {
			System.err.println("token needs --user and --role");
			System.exit(2);
		}
		String role = options.get("role").toUpperCase();
		if (role.equals("ACCOUNT_MANAGER") && options.get("region") == null) {
			System.err.println("an ACCOUNT_MANAGER token needs --region");
			System.exit(2);
		}
		System.out.println(issuer.issue(options.get("user"), role, upper(options.get("region")), upper(options.get("department"))));
	}

	private static String upper(String value) {
		return (value != null) ? value.toUpperCase() : null;
	}

}
