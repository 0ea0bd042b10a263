package com.chairside.identity;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the provider finds its people and its key.
 *
 * @param usersFile the users file (YAML: regions, departments, default-password, users)
 * @param keyFile the RSA key (a JWK, as JSON) the tokens are signed with; made on first use
 * @param audience the {@code aud} of every access token
 * @param consoleUrl where the console is, for someone who signs in here without coming from it
 */
@ConfigurationProperties("chairside.identity")
public record IdentityProperties(Resource usersFile, Path keyFile, @DefaultValue("chairside") String audience,
		@DefaultValue("http://127.0.0.1:8080") String consoleUrl) {
}
