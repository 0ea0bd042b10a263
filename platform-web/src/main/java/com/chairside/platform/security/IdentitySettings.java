package com.chairside.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * What a token must say ({@link IdentityClaims}) and which claims say it ({@link ClaimNames}): set the same on the
 * gateway and in every service.
 *
 * @param issuerUri the OpenID Connect provider, which every token's iss must name; unset, CHAIRSIDE_ISSUER_URI names it
 * (as the deployments set it), else the embedded default's provider, http://127.0.0.1:9000
 * @param audience what every token's aud must name
 * @param regions the regions a token may name (an account manager's must name one)
 * @param departments the departments a token may name (a department user's must name one)
 * @param claims the claims that carry the roles, the region and the department
 */
@ConfigurationProperties(IdentitySettings.PREFIX)
public record IdentitySettings(String issuerUri, @DefaultValue("chairside") String audience,
		@DefaultValue({ "NORTHEAST", "SOUTHEAST", "MIDWEST", "SOUTHWEST", "WEST", "NORTHWEST" }) List<String> regions,
		@DefaultValue({ "SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION",
				"FINANCE" }) List<String> departments,
		@DefaultValue @NestedConfigurationProperty ClaimNames claims) {

	static final String PREFIX = "chairside.identity";

	/** The settings as {@code environment} sets them, where no application context binds them (a test). */
	public static IdentitySettings from(Environment environment) {
		return Binder.get(environment).bindOrCreate(PREFIX, IdentitySettings.class);
	}

}
