package com.chairside.gateway.signin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect provider people sign in with, named by its issuer URI (its endpoints come from its discovery
 * document), and the console's client there.
 *
 * @param issuerUri the provider's issuer, e.g. {@code http://127.0.0.1:9000}
 * @param clientId the console's client id
 * @param clientSecret the console's client secret (the gateway is a confidential client)
 * @param scopes the scopes asked for
 */
@ConfigurationProperties("chairside.identity")
public record IdentityProvider(String issuerUri, @DefaultValue("chairside-console") String clientId,
		String clientSecret, @DefaultValue("openid") List<String> scopes) {

	/** The registration id, which is also the last segment of the redirect URI. */
	public static final String REGISTRATION = "chairside";

}
