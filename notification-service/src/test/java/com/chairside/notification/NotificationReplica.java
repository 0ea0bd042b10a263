package com.chairside.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Another whole replica of notification-service, an application context on a port of its own, against what the test's
 * context runs against (read from its environment): the same store, broker, identity provider and mail sink, with
 * {@link NotificationServiceTest}'s settings.
 */
public final class NotificationReplica {

	private NotificationReplica() {
	}

	/** Started with {@code clock} as its clock and {@code settings} ({@code name=value}) on top of the shared ones. */
	public static ConfigurableApplicationContext start(Environment first, Clock clock, String... settings) {
		return new SpringApplicationBuilder(NotificationServiceApplication.class).initializers((context) -> {
			List<String> shared = Stream
				.of("spring.kafka.bootstrap-servers", "spring.mongodb.uri",
						"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "spring.mail.host", "spring.mail.port",
						"chairside.outbox.sweep-interval")
				.map((name) -> name + "=" + first.getRequiredProperty(name))
				.collect(Collectors.toCollection(ArrayList::new));
			shared.addAll(List.of(NotificationServiceTest.class.getAnnotation(TestPropertySource.class).properties()));
			shared.add("server.port=0");
			shared.addAll(List.of(settings));
			TestPropertyValues.of(shared).applyTo(context);
			context.getBeanFactory().registerSingleton("testClock", clock);
		}).run();
	}

}
