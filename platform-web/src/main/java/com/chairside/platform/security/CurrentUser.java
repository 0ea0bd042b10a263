package com.chairside.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user as the JWT tells it. An account manager works one region and sees nothing of the others; sales
 * managers, sales administration and admins see every region.
 */
public record CurrentUser(String id, Set<String> roles, String region, String department) {

	public static final String ACCOUNT_MANAGER = "ACCOUNT_MANAGER";
	public static final String SALES_MANAGER = "SALES_MANAGER";
	public static final String SALES_ADMIN = "SALES_ADMIN";
	public static final String DEPARTMENT = "DEPARTMENT";
	public static final String ADMIN = "ADMIN";

	private static final Set<String> ALL_REGIONS = Set.of(SALES_MANAGER, SALES_ADMIN, ADMIN);

	public static CurrentUser get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			throw new IllegalStateException("No signed-in user");
		}
		return from(jwt);
	}

	public static CurrentUser from(Jwt jwt) {
		Object claim = jwt.getClaims().get("roles");
		Collection<?> roles = (claim instanceof Collection<?> c) ? c : (claim != null) ? List.of(claim) : List.of();
		return new CurrentUser(jwt.getSubject(), roles.stream().map(Object::toString).collect(Collectors.toSet()),
				jwt.getClaimAsString("region"), jwt.getClaimAsString("department"));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	/** True when the user sees every region; false when bound to the one in the token. */
	public boolean seesAllRegions() {
		return this.roles.stream().anyMatch(ALL_REGIONS::contains);
	}

	/** Whether a record of {@code region} exists for this user at all (another region's record answers 404). */
	public boolean canSee(String region) {
		return seesAllRegions() || (this.region != null && this.region.equals(region));
	}

}
