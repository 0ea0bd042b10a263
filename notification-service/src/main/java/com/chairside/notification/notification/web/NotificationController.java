package com.chairside.notification.notification.web;

import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.notification.notification.Department;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.platform.security.CurrentUser;

/** Who was told what: {@code GET /api/notifications?department=PRODUCTION[&orderId=...]}. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final NotificationManagement notifications;

	NotificationController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) Department department,
			@RequestParam(required = false) String orderId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		Page<Notification> found = this.notifications.list(department, orderId, CurrentUser.get(),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
		return Map.of("items", found.map(NotificationView::of).getContent(), "page", page, "total",
				found.getTotalElements());
	}

}
