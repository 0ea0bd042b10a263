package com.chairside.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.MutableClock;
import com.chairside.testsupport.ServiceIntegrationTest;

/**
 * notification-service whole, with the test clock and short webhook pauses, and webhooks to receivers on loopback as in
 * the embedded default. One configuration, so every test class shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@Import(NotificationServiceTest.TestClock.class)
@TestPropertySource(properties = { "chairside.notifications.webhooks.allow-loopback=true",
		"chairside.notifications.webhooks.retry-backoff=200ms",
		"chairside.notifications.webhooks.open-circuit-pause=500ms",
		"chairside.notifications.webhooks.dispatch-interval=100ms",
		"chairside.notifications.webhooks.max-attempts=3",
		"chairside.notifications.routing.rules-cache-ttl=1h",
		"chairside.notifications.escalation.initial-delay=1h",
		// the scheduler lock's hold, for the replicas EscalationReplicasIntegrationTests starts on this schedule
		"chairside.notifications.escalation.check-interval=250ms",
		"chairside.notifications.mail-sweep-initial-delay=1h",
		"chairside.notifications.practice-grace=1s",
		"chairside.notifications.reminders.initial-delay=1h",
		"chairside.notifications.reminders.zone=UTC",
		"chairside.notifications.escalation.sales-managers.NORTHEAST=sm.northeast" })
public @interface NotificationServiceTest {

	@TestConfiguration(proxyBeanMethods = false)
	class TestClock {

		@Bean
		MutableClock testClock() {
			return new MutableClock();
		}

	}

}
