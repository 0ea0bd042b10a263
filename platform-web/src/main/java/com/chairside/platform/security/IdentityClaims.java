package com.chairside.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * What a token's claims must say before anything reads them: issued by the configured provider
 * ({@code chairside.identity.issuer-uri}, default {@value #DEFAULT_ISSUER}) for the suite ({@code aud} names
 * {@code chairside.identity.audience}, default {@code chairside}); a region, where there is one, among
 * {@code chairside.identity.regions} and required for an account manager; a department, where there is one, among
 * {@code chairside.identity.departments} and required for a department user. A sales manager without a region manages
 * them all. Whatever fails is an invalid token (401), never a caller with a region nobody else has: the region and
 * department go into queries and routing, so a value no rule anticipated ({@code ALL}, a typo) must not reach them.
 */
public record IdentityClaims(String issuer, String audience, Set<String> regions, Set<String> departments) {

	/** The embedded default's provider. */
	public static final String DEFAULT_ISSUER = "http://127.0.0.1:9000";

	public IdentityClaims {
		regions = Set.copyOf(regions);
		departments = Set.copyOf(departments);
	}

	/**
	 * The rules {@code settings} set; without an issuer there, {@code CHAIRSIDE_ISSUER_URI} of {@code environment} names
	 * the provider (as the deployments set it), else {@value #DEFAULT_ISSUER}.
	 */
	public static IdentityClaims from(IdentitySettings settings, Environment environment) {
		String issuer = (settings.issuerUri() != null) ? settings.issuerUri()
				: environment.getProperty("CHAIRSIDE_ISSUER_URI", DEFAULT_ISSUER);
		return new IdentityClaims(trimSlash(issuer), settings.audience(), named(settings.regions()),
				named(settings.departments()));
	}

	/** The rules as {@code environment} sets them, where no application context binds them (a test). */
	public static IdentityClaims from(Environment environment) {
		return from(IdentitySettings.from(environment), environment);
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

	/** The names of a list, without the blanks a trailing comma leaves. */
	private static Set<String> named(List<String> names) {
		return names.stream().map(String::trim).filter((name) -> !name.isEmpty()).collect(Collectors.toSet());
	}

	private static String trimSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	private static InvalidBearerTokenException invalid(String detail) {
		return new InvalidBearerTokenException(detail);
	}

}
