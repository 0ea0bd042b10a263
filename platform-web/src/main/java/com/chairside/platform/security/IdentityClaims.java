package com.chairside.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * What a token's claims must say before anything reads them: issued by the configured provider
 * ({@code chairside.identity.issuer-uri}, default {@value #DEFAULT_ISSUER}) for the suite ({@code aud} names
 * {@code chairside.identity.audience}, default {@value #DEFAULT_AUDIENCE}); a region, where there is one, among
 * {@code chairside.identity.regions} and required for an account manager; a department, where there is one, among
 * {@code chairside.identity.departments} and required for a department user. A sales manager without a region manages
 * them all. Whatever fails is an invalid token (401), never a caller with a region nobody else has: the region and
 * department go into queries and routing, so a value no rule anticipated ({@code ALL}, a typo) must not reach them.
 */
public record IdentityClaims(String issuer, String audience, Set<String> regions, Set<String> departments) {

	public static final String DEFAULT_ISSUER = "http://127.0.0.1:9000";

	public static final String DEFAULT_AUDIENCE = "chairside";

	public static final List<String> DEFAULT_REGIONS = List.of("NORTHEAST", "SOUTHEAST", "MIDWEST", "SOUTHWEST", "WEST",
			"NORTHWEST");

	public static final List<String> DEFAULT_DEPARTMENTS = List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS",
			"INSTALLATION", "FINANCE");

	public IdentityClaims {
		regions = Set.copyOf(regions);
		departments = Set.copyOf(departments);
	}

	/** The rules as configured ({@code CHAIRSIDE_ISSUER_URI} names the provider too, as the deployments set it). */
	public static IdentityClaims from(Environment environment) {
		String issuer = environment.getProperty("chairside.identity.issuer-uri",
				environment.getProperty("CHAIRSIDE_ISSUER_URI", DEFAULT_ISSUER));
		return new IdentityClaims(trimSlash(issuer),
				environment.getProperty("chairside.identity.audience", DEFAULT_AUDIENCE),
				Set.copyOf(list(environment, "chairside.identity.regions", DEFAULT_REGIONS)),
				Set.copyOf(list(environment, "chairside.identity.departments", DEFAULT_DEPARTMENTS)));
	}

	/** Throws {@link InvalidBearerTokenException} (401) naming what is wrong with {@code jwt}'s claims. */
	public void check(Jwt jwt) {
		Object iss = jwt.getClaims().get("iss");
		if (iss == null || !trimSlash(iss.toString()).equals(this.issuer)) {
			throw invalid("The token was not issued by this suite's identity provider");
		}
		List<String> audiences = jwt.getAudience();
		if (audiences == null || !audiences.contains(this.audience)) {
			throw invalid("The token is not meant for this suite");
		}
		List<String> roles = roles(jwt);
		String region = text(jwt, ClaimNames.STANDARD.region());
		String department = text(jwt, ClaimNames.STANDARD.department());
		if (region != null && !this.regions.contains(region)) {
			throw invalid("The token names a region that does not exist");
		}
		if (department != null && !this.departments.contains(department)) {
			throw invalid("The token names a department that does not exist");
		}
		if (roles.contains("ACCOUNT_MANAGER") && region == null) {
			throw invalid("An account manager's token must name a region");
		}
		if (roles.contains("DEPARTMENT") && department == null) {
			throw invalid("A department user's token must name a department");
		}
	}

	private static List<String> roles(Jwt jwt) {
		Object claim = jwt.getClaims().get(ClaimNames.STANDARD.roles());
		if (claim instanceof java.util.Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (claim != null) ? List.of(claim.toString().split("[ ,]+")) : List.of();
	}

	private static String text(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		return (value != null) ? value.toString() : null;
	}

	private static List<String> list(Environment environment, String name, List<String> defaults) {
		String value = environment.getProperty(name);
		if (value == null) {
			List<String> indexed = new java.util.ArrayList<>();
			for (int i = 0; environment.getProperty(name + "[" + i + "]") != null; i++) {
				indexed.add(environment.getProperty(name + "[" + i + "]").trim());
			}
			return indexed.isEmpty() ? defaults : indexed;
		}
		return java.util.Arrays.stream(value.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	private static String trimSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	private static InvalidBearerTokenException invalid(String detail) {
		return new InvalidBearerTokenException(detail);
	}

}
