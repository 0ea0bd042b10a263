package com.chairside.notification.orders;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.notification.notification.Department;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.notification.notification.OrderNotice;
import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;

/** Consumes {@code chairside.orders} (group {@code notification-service}) into notifications per department. */
@Configuration(proxyBeanMethods = false)
class OrderEventConsumer {

	@Bean
	Consumer<Message<byte[]>> orderEvents(EventHandlers handlers, NotificationManagement notifications) {
		return handlers.consumer("notification-service.orderEvents", (event) -> {
			OrderEvent order = event.dataAs(OrderEvent.class, handlers.json());
			Set<Department> departments = DepartmentRouting.departmentsFor(event.name(), order);
			if (departments.isEmpty()) {
				return;
			}
			if (order.orderId() == null || order.region() == null) {
				throw new PoisonMessageException(event.type() + " " + event.id() + " lacks orderId or region");
			}
			notifications.record(new OrderNotice(event.id(), event.name(), order.orderId(), order.accountId(),
					order.region(), event.time(), subject(event, order), body(event, order), departments));
		});
	}

	private static String subject(IncomingEvent event, OrderEvent order) {
		return switch (event.name()) {
			case "OrderPlaced" -> "Order " + order.orderId() + " placed, delivery requested for " + order.requestedDeliveryDate();
			case "OrderChanged" -> "Order " + order.orderId() + " changed: " + order.reason();
			default -> "Order " + order.orderId() + " cancelled: " + order.reason();
		};
	}

	private static String body(IncomingEvent event, OrderEvent order) {
		StringBuilder body = new StringBuilder();
		body.append("Order ").append(order.orderId()).append(" of account ").append(order.accountId())
			.append(" (region ").append(order.region()).append(")\n");
		if (order.reason() != null) {
			body.append("Reason: ").append(order.reason()).append('\n');
		}
		if (order.changes() != null && !order.changes().isEmpty()) {
			body.append("What changed:\n").append(order.changes().stream()
				.map((c) -> "  " + c.field() + ": " + c.before() + " -> " + c.after())
				.collect(Collectors.joining("\n"))).append('\n');
		}
		if (order.lines() != null && !event.name().equals("OrderCancelled")) {
			body.append("Lines now:\n").append(order.lines().stream()
				.map((l) -> "  " + l.quantity() + " x " + l.sku())
				.collect(Collectors.joining("\n"))).append('\n');
		}
		if (order.requestedDeliveryDate() != null) {
			body.append("Requested delivery: ").append(order.requestedDeliveryDate()).append('\n');
		}
		if (order.total() != null) {
			body.append(event.name().equals("OrderCancelled") ? "Value no longer booked: " : "Order value: ")
				.append(order.total()).append('\n');
		}
		return body.toString();
	}

}
