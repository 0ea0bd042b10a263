package com.chairside.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import com.nimbusds.jwt.JWTClaimsSet;
import tools.jackson.databind.JsonNode;

import com.chairside.devstack.TokenIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens whose claims no service may trust, each signed with the right key: an account manager without a region or with
 * one that does not exist, a department user without a department or with an unknown one, a sales manager naming
 * {@code ALL}, another issuer, another audience, none. {@link #assertEveryOperationRefuses} sends each of them to every
 * operation of a service's (or the gateway's) API document and expects 401 problem+json.
 */
public final class ClaimChecks {

	private ClaimChecks() {
	}

	/** The untrustworthy tokens, by what is wrong with them, signed by this JVM's {@link Infrastructure}. */
	public static Map<String, String> untrustedTokens() {
		return untrustedTokens(TokenIssuer.ISSUER, Infrastructure.get()::sign);
	}

	/** The same, issued as {@code issuer} and signed by {@code signer} (a suite of processes with its own key). */
	public static Map<String, String> untrustedTokens(String issuer, Function<JWTClaimsSet, String> signer) {
		Function<Consumer<JWTClaimsSet.Builder>, String> sign = (claims) -> sign(issuer, signer, claims);
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("account manager without a region", sign.apply((c) -> c.claim("roles", List.of("ACCOUNT_MANAGER"))));
		tokens.put("account manager in region ALL",
				sign.apply((c) -> c.claim("roles", List.of("ACCOUNT_MANAGER")).claim("region", "ALL")));
		tokens.put("account manager in region NOWHERE",
				sign.apply((c) -> c.claim("roles", List.of("ACCOUNT_MANAGER")).claim("region", "NOWHERE")));
		tokens.put("sales manager in region ALL",
				sign.apply((c) -> c.claim("roles", List.of("SALES_MANAGER")).claim("region", "ALL")));
		tokens.put("department user without a department", sign.apply((c) -> c.claim("roles", List.of("DEPARTMENT"))));
		tokens.put("department user of department NOWHERE",
				sign.apply((c) -> c.claim("roles", List.of("DEPARTMENT")).claim("department", "NOWHERE")));
		tokens.put("admin from another issuer",
				sign.apply((c) -> c.claim("roles", List.of("ADMIN")).issuer("http://127.0.0.1:9999")));
		tokens.put("admin for another audience",
				sign.apply((c) -> c.claim("roles", List.of("ADMIN")).audience("billing")));
		tokens.put("admin without an audience", sign.apply((c) -> c.claim("roles", List.of("ADMIN")).audience((String) null)));
		return tokens;
	}

	/**
	 * Sends every untrusted token to every operation in {@code apiDocs} (path variables filled with a plain id, a
	 * JSON object as body) at {@code api}, and expects each to answer 401 problem+json. Returns how many requests
	 * were sent.
	 */
	public static int assertEveryOperationRefuses(Api api, JsonNode apiDocs) {
		return assertEveryOperationRefuses(api, apiDocs, untrustedTokens());
	}

	/** As {@link #assertEveryOperationRefuses(Api, JsonNode)}, with {@code tokens} by what is wrong with them. */
	public static int assertEveryOperationRefuses(Api api, JsonNode apiDocs, Map<String, String> tokens) {
		List<String[]> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : apiDocs.path("paths").properties()) {
			for (String method : List.of("get", "post", "put", "patch", "delete")) {
				if (path.getValue().has(method)) {
					operations.add(new String[] { method.toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "x1") });
				}
			}
		}
		assertThat(operations).as("operations in the API document").isNotEmpty();
		int sent = 0;
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			Api caller = api.as(token.getValue());
			for (String[] operation : operations) {
				Api.Response response = caller.send(operation[0], operation[1], operation[0].equals("GET") ? null : "{}");
				assertThat(response.status()).as("%s %s as %s", operation[0], operation[1], token.getKey()).isEqualTo(401);
				assertThat(response.contentType()).as("%s %s as %s", operation[0], operation[1], token.getKey())
					.startsWith("application/problem+json");
				sent++;
			}
		}
		return sent;
	}

	private static String sign(String issuer, Function<JWTClaimsSet, String> signer,
			Consumer<JWTClaimsSet.Builder> claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("untrusted")
			.issuer(issuer)
			.audience(TokenIssuer.AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.jwtID(UUID.randomUUID().toString());
		claims.accept(builder);
		return signer.apply(builder.build());
	}

}
