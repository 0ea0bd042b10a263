package com.chairside.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded default's OpenID Connect provider: people sign in here (users from a file), the console's backend gets
 * their tokens by the authorization code flow with PKCE. Stands in for the company's provider on a developer's machine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

}
