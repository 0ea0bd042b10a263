package com.chairside.notification.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.platform.security.CurrentUser;

import io.micrometer.core.instrument.MeterRegistry;

/** Records who must be told of an order event, once each, and answers who was told. */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationManagement {

	private static final Logger log = LoggerFactory.getLogger(NotificationManagement.class);

	private final Notifications notifications;

	private final MongoTemplate mongo;

	private final NotificationProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	NotificationManagement(Notifications notifications, MongoTemplate mongo, NotificationProperties properties,
			MeterRegistry meters, Clock clock) {
		this.notifications = notifications;
		this.mongo = mongo;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/** One notification per department the notice concerns; a department already told of this event is skipped. */
	public void record(OrderNotice notice) {
		for (Department department : notice.departments()) {
			try {
				this.notifications.insert(Notification.of(notice, department,
						this.properties.recipientOf(department), this.clock.instant()));
				this.meters.counter("chairside.notifications.recorded", "department", department.name(), "type",
						notice.eventType()).increment();
				log.info("{} of order {} recorded for {}", notice.eventType(), notice.orderId(), department);
			}
			catch (DuplicateKeyException ex) {
				log.debug("{} {} already recorded for {}", notice.eventType(), notice.eventId(), department);
			}
		}
	}

	/**
	 * The notifications a user may read: a department reads its own; an account manager those of orders in their
	 * region; sales administration, sales managers and admins all.
	 */
	public Page<Notification> list(Department department, String orderId, CurrentUser user, Pageable page) {
		Set<Department> departments = (department != null) ? EnumSet.of(department) : EnumSet.allOf(Department.class);
		if (user.has(CurrentUser.DEPARTMENT) && !user.seesAllRegions()) {
			Department own = ownDepartment(user);
			if (department != null && department != own) {
				throw new AccessDeniedException("A department reads its own notifications");
			}
			departments = EnumSet.of(own);
		}
		Criteria criteria = Criteria.where("department").in(departments);
		if (orderId != null) {
			criteria = criteria.and("orderId").is(orderId);
		}
		if (!user.seesAllRegions() && !user.has(CurrentUser.DEPARTMENT)) {
			criteria = criteria.and("region").is(user.region());
		}
		Query query = Query.query(criteria).with(Sort.by("createdAt").descending());
		long total = this.mongo.count(query, Notification.class);
		List<Notification> items = this.mongo.find(query.with(page), Notification.class);
		return new PageImpl<>(items, page, total);
	}

	private static Department ownDepartment(CurrentUser user) {
		try {
			return Department.valueOf(String.valueOf(user.department()));
		}
		catch (IllegalArgumentException ex) {
			throw new AccessDeniedException("The token names no department");
		}
	}

}
