package com.chairside.testsupport;

import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.chairside.testsupport.store.ListenToStore;

/**
 * Points a Spring test context at the {@link Infrastructure}: use with
 * {@code @ContextConfiguration(initializers = InfrastructureInitializer.class)}. Each context gets its own database, so
 * contexts cached side by side do not see each other's documents. Its store client reports every command to
 * {@link com.chairside.testsupport.store.StoreCommands}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Infrastructure infrastructure = Infrastructure.get();
		String name = context.getEnvironment().getProperty("spring.application.name", "test");
		TestPropertyValues
			.of("spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrap(),
					"spring.mongodb.uri=" + infrastructure.mongoUri(name + "-" + UUID.randomUUID().toString().substring(0, 8)),
					"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infrastructure.jwkSetUri(),
					"chairside.identity.regions=" + Infrastructure.acceptedRegions(),
					"spring.mail.host=127.0.0.1", "spring.mail.port=" + infrastructure.smtpPort(),
					"chairside.outbox.sweep-interval=200ms", "chairside.outbox.sweep-grace=1s")
			.applyTo(context);
		ListenToStore.in(context);
	}

}
