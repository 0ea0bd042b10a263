package com.chairside.notification.notification.web;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.notification.notification.Department;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationFilter;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.platform.security.CurrentUser;

/**
 * The inbox of each department and person: {@code GET /api/notifications?department=PRODUCTION[&recipient=am.1]
 * [&orderId=...][&eventType=OrderCancelled][&status=SENT][&inbox=UNREAD][&page=0&size=100]}, one notification by id,
 * and {@code POST /api/notifications/{id}/read} and {@code /acknowledge}. {@code recipient=me} is the caller's own:
 * what is addressed to them by name (approvals, decisions, reminders).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final NotificationManagement notifications;

	NotificationController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) Department department,
			@RequestParam(required = false) String recipient, @RequestParam(required = false) String orderId,
			@RequestParam(required = false) String eventType,
			@RequestParam(required = false) Notification.Status status,
			@RequestParam(required = false) Notification.Inbox inbox, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
		PageRequest request = PageRequest.of(page, size);
		Page<Notification> found = this.notifications.list(
				new NotificationFilter(department, recipient, orderId, eventType, status, inbox), CurrentUser.get(),
				request);
		return Map.of("items", found.map(NotificationView::of).getContent(), "page", request.getPageNumber(), "size",
				request.getPageSize(), "total", found.getTotalElements());
	}

	@GetMapping("/{id}")
	NotificationView get(@PathVariable String id) {
		return NotificationView.of(this.notifications.get(id, CurrentUser.get()));
	}

	@PostMapping("/{id}/read")
	NotificationView read(@PathVariable String id) {
		return NotificationView.of(this.notifications.markRead(id, CurrentUser.get()));
	}

	@PostMapping("/{id}/acknowledge")
	NotificationView acknowledge(@PathVariable String id) {
		return NotificationView.of(this.notifications.acknowledge(id, CurrentUser.get()));
	}

}
