package com.chairside.platform.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityClaimsUnitTests {

	final IdentityClaims identity = IdentityClaims.from(new MockEnvironment());

	@Test
	void acceptsTheTokensThePeopleOfTheSuiteCarry() {
		for (Map<String, Object> claims : List.of(claims("ACCOUNT_MANAGER", "NORTHEAST", null),
				claims("SALES_MANAGER", null, null), claims("SALES_MANAGER", "WEST", null),
				claims("DEPARTMENT", null, "PRODUCTION"), claims("SALES_ADMIN", null, null),
				claims("ADMIN", null, null))) {
			assertThatCode(() -> this.identity.check(jwt(claims))).as(claims.toString()).doesNotThrowAnyException();
		}
	}

	@Test
	void refusesAMissingOrUnknownRegionOrDepartment() {
		for (Map<String, Object> claims : List.of(claims("ACCOUNT_MANAGER", null, null),
				claims("ACCOUNT_MANAGER", "ALL", null), claims("ACCOUNT_MANAGER", "NOWHERE", null),
				claims("ACCOUNT_MANAGER", "northeast", null), claims("SALES_MANAGER", "ALL", null),
				claims("DEPARTMENT", null, null), claims("DEPARTMENT", null, "NOWHERE"),
				claims("DEPARTMENT", null, "ALL"), claims("ADMIN", "PACIFIC", null))) {
			assertThatThrownBy(() -> this.identity.check(jwt(claims))).as(claims.toString())
				.isInstanceOf(InvalidBearerTokenException.class);
		}
	}

	@Test
	void refusesAnotherIssuerOrAudience() {
		Map<String, Object> otherIssuer = claims("ADMIN", null, null);
		otherIssuer.put("iss", "http://127.0.0.1:9001");
		Map<String, Object> noIssuer = claims("ADMIN", null, null);
		noIssuer.remove("iss");
		Map<String, Object> otherAudience = claims("ADMIN", null, null);
		otherAudience.put("aud", List.of("billing"));
		Map<String, Object> noAudience = claims("ADMIN", null, null);
		noAudience.remove("aud");
		for (Map<String, Object> claims : List.of(otherIssuer, noIssuer, otherAudience, noAudience)) {
			assertThatThrownBy(() -> this.identity.check(jwt(claims))).as(claims.toString())
				.isInstanceOf(InvalidBearerTokenException.class);
		}
	}

	@Test
	void readsTheRegionsDepartmentsAndIssuerFromConfiguration() {
		IdentityClaims configured = IdentityClaims.from(new MockEnvironment()
			.withProperty("chairside.identity.regions", "PACIFIC, ATLANTIC,")
			.withProperty("chairside.identity.departments", "SERVICE")
			.withProperty("chairside.identity.issuer-uri", "https://sso.example/"));
		Map<String, Object> claims = claims("ACCOUNT_MANAGER", "PACIFIC", null);
		claims.put("iss", "https://sso.example");
		assertThatCode(() -> configured.check(jwt(claims))).doesNotThrowAnyException();
		assertThat(configured.regions()).containsExactlyInAnyOrder("PACIFIC", "ATLANTIC");
		assertThat(configured.departments()).containsExactly("SERVICE");
		assertThatThrownBy(() -> configured.check(jwt(claims("ACCOUNT_MANAGER", "NORTHEAST", null))))
			.isInstanceOf(InvalidBearerTokenException.class);
	}

	@Test
	void takesTheIssuerFromTheDeploymentsVariableWhereNoneIsSet() {
		assertThat(this.identity.issuer()).isEqualTo(IdentityClaims.DEFAULT_ISSUER);
		assertThat(IdentityClaims.from(new MockEnvironment().withProperty("CHAIRSIDE_ISSUER_URI", "https://sso.example/"))
			.issuer()).isEqualTo("https://sso.example");
		assertThat(IdentityClaims.from(new MockEnvironment().withProperty("CHAIRSIDE_ISSUER_URI", "https://sso.example")
			.withProperty("chairside.identity.issuer-uri", "https://login.example")).issuer())
			.isEqualTo("https://login.example");
	}

	@Test
	void theConverterRefusesWhatTheCheckRefuses() {
		assertThatThrownBy(() -> SecurityConfiguration.rolesConverter(ClaimNames.STANDARD, this.identity)
			.convert(jwt(claims("ACCOUNT_MANAGER", "ALL", null)))).isInstanceOf(InvalidBearerTokenException.class);
		assertThat(SecurityConfiguration.rolesConverter(ClaimNames.STANDARD, this.identity)
			.convert(jwt(claims("ACCOUNT_MANAGER", "WEST", null)))
			.getAuthorities()).extracting(Object::toString).contains("ROLE_ACCOUNT_MANAGER");
	}

	private static Map<String, Object> claims(String role, String region, String department) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("iss", IdentityClaims.DEFAULT_ISSUER);
		claims.put("aud", List.of("chairside"));
		claims.put("roles", List.of(role));
		if (region != null) {
			claims.put("region", region);
		}
		if (department != null) {
			claims.put("department", department);
		}
		return claims;
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
