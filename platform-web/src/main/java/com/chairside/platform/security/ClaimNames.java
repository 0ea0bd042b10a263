package com.chairside.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Which claims of a token carry the roles, the region and the department. The embedded provider and
 * {@code bin/chairside token} use {@code roles}, {@code region} and {@code department}; another provider may name them
 * otherwise ({@code chairside.identity.claims.roles=groups}, or a path into a nested claim such as
 * {@code realm_access.roles}). A token is read once through these names into the claims the code reads. Bound from
 * {@code chairside.identity.claims} ({@link IdentitySettings}).
 *
 * @param roles the claim, or a dotted path into nested claims, that carries the roles (a list, or names separated by
 * spaces or commas)
 * @param region the claim, or a dotted path into nested claims, that carries an account manager's region
 * @param department the claim, or a dotted path into nested claims, that carries a department user's department
 */
public record ClaimNames(@DefaultValue("roles") String roles, @DefaultValue("region") String region,
		@DefaultValue("department") String department) {

	public static final ClaimNames STANDARD = new ClaimNames("roles", "region", "department");

	public boolean standard() {
		return equals(STANDARD);
	}

	/** The token with {@code roles}, {@code region} and {@code department} taken from the configured claims. */
	public Jwt normalise(Jwt jwt) {
		if (standard()) {
			return jwt;
		}
		Object roleClaim = find(jwt.getClaims(), this.roles);
		List<String> roleNames = (roleClaim instanceof Collection<?> c) ? c.stream().map(Object::toString).toList()
				: (roleClaim != null) ? List.of(roleClaim.toString().split("[ ,]+")) : List.of();
		Object regionClaim = find(jwt.getClaims(), this.region);
		Object departmentClaim = find(jwt.getClaims(), this.department);
		return Jwt.withTokenValue(jwt.getTokenValue()).headers((headers) -> headers.putAll(jwt.getHeaders())).claims((claims) -> {
			claims.putAll(jwt.getClaims());
			claims.put(STANDARD.roles(), roleNames);
			put(claims, STANDARD.region(), regionClaim);
			put(claims, STANDARD.department(), departmentClaim);
		}).build();
	}

	private static void put(Map<String, Object> claims, String name, Object value) {
		if (value != null) {
			claims.put(name, value.toString());
		}
		else {
			claims.remove(name);
		}
	}

	/** A claim by name, or by a dotted path into nested claims. */
	private static Object find(Map<String, Object> claims, String path) {
		Object value = claims.get(path);
		if (value != null || !path.contains(".")) {
			return value;
		}
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

}
