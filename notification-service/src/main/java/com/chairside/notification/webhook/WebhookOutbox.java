package com.chairside.notification.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/**
 * A webhook delivery given up leaves as {@code NotificationFailed} from {@code webhook_deliveries} to
 * {@code chairside.notifications}, like the e-mail notifications' events.
 */
@Configuration(proxyBeanMethods = false)
class WebhookOutbox {

	@Bean
	OutboxSource webhookDeliveryEvents() {
		return new OutboxSource("webhook_deliveries", "chairside.notifications");
	}

}
