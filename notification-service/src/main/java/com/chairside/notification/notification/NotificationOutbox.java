package com.chairside.notification.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/** Notification events leave from the {@code notifications} collection to {@code chairside.notifications}. */
@Configuration(proxyBeanMethods = false)
class NotificationOutbox {

	@Bean
	OutboxSource notificationEvents() {
		return new OutboxSource("notifications", "chairside.notifications");
	}

}
