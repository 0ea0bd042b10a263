package com.chairside.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimNamesUnitTests {

	@Test
	void readsRolesRegionAndDepartmentFromTheClaimsAnotherProviderUses() {
		ClaimNames names = new ClaimNames("realm_access.roles", "sales_region", "dept");
		Jwt token = jwt(Map.of("realm_access", Map.of("roles", List.of("ACCOUNT_MANAGER")), "sales_region", "WEST"));

		AbstractAuthenticationToken authentication = SecurityConfiguration.rolesConverter(names).convert(token);

		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_ACCOUNT_MANAGER")
			.noneMatch((authority) -> authority.startsWith("ROLE_") && !authority.equals("ROLE_ACCOUNT_MANAGER"));
		CurrentUser user = CurrentUser.from((Jwt) authentication.getPrincipal());
		assertThat(user.id()).isEqualTo("someone");
		assertThat(user.roles()).containsExactly("ACCOUNT_MANAGER");
		assertThat(user.region()).isEqualTo("WEST");
		assertThat(user.department()).isNull();
	}

	@Test
	void ignoresStandardNamedClaimsThatTheConfiguredOnesDoNotBack() {
		ClaimNames names = new ClaimNames("groups", "region", "department");
		Jwt token = jwt(Map.of("roles", List.of("ADMIN"), "groups", "SALES_MANAGER"));

		CurrentUser user = CurrentUser.from(names.normalise(token));

		assertThat(user.roles()).as("a claim the provider does not control for roles counts for nothing")
			.containsExactly("SALES_MANAGER");
	}

	@Test
	void namesTheClaimsAsConfiguredElseTheStandardOnes() {
		assertThat(IdentitySettings.from(new MockEnvironment()).claims()).isEqualTo(ClaimNames.STANDARD);
		assertThat(IdentitySettings.from(new MockEnvironment().withProperty("chairside.identity.claims.roles", "groups")
			.withProperty("chairside.identity.claims.region", "realm_access.region")).claims())
			.isEqualTo(new ClaimNames("groups", "realm_access.region", "department"));
	}

	@Test
	void leavesATokenWithTheStandardNamesAsItIs() {
		Jwt token = jwt(Map.of("roles", List.of("ADMIN")));
		assertThat(ClaimNames.STANDARD.normalise(token)).isSameAs(token);
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("someone")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claims((c) -> c.putAll(claims))
			.build();
	}

}
