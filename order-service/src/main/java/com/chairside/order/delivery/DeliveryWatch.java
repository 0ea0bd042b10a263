package com.chairside.order.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.order.order.DeliveryCommitmentAtRisk;
import com.chairside.order.order.DeliveryCommitmentMissed;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderEvent;
import com.chairside.order.order.OrderStatus;
import com.chairside.order.order.Orders;
import com.chairside.platform.outbox.EventFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Compares every confirmed order's progress with its committed delivery date and its products' lead times, on a
 * schedule and on the injected {@link Clock}. Production must start at the latest one lead time (the longest of its
 * lines) before the committed date: with fewer than {@code at-risk-slack-days} left and production not started, the
 * commitment is at risk; an order in production that has not shipped with fewer than {@code transit-days} left is at
 * risk too; past the date and not delivered, the commitment is missed.
 * <p>
 * The scheduled watch runs on one replica per interval (the {@code delivery-watch} scheduler lock). Each risk is
 * raised once all the same, should two watches meet (a run outlasting the interval): the order records the risk and
 * raises the event in one versioned save, so of two watchers that saw the same risk only the first save succeeds.
 */
@Component
public class DeliveryWatch {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWatch.class);

	private static final String INTERVAL = "${chairside.orders.delivery-watch.interval:PT15M}";

	private static final EnumSet<OrderStatus> WATCHED = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.IN_PRODUCTION,
			OrderStatus.SHIPPED);

	private final Orders orders;

	private final EventFactory events;

	private final Clock clock;

	private final long atRiskSlackDays;

	private final long transitDays;

	public DeliveryWatch(Orders orders, EventFactory events, Clock clock, DeliveryWatchProperties settings) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
		this.atRiskSlackDays = settings.atRiskSlackDays();
		this.transitDays = settings.transitDays();
	}

	/** The scheduled watch, on one replica per interval. */
	@Scheduled(fixedDelayString = INTERVAL, initialDelayString = "${chairside.orders.delivery-watch.initial-delay:PT1M}")
	@SchedulerLock(name = "delivery-watch", lockAtLeastFor = INTERVAL, lockAtMostFor = INTERVAL)
	public void watchOnSchedule() {
		watch();
	}

	/** Looks at every watched order once; returns how many risks it raised. */
	public int watch() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		int raised = 0;
		for (Order order : this.orders.findByStatusInAndCommittedDeliveryDateNotNull(WATCHED)) {
			raised += raise(order, assess(order, today, now), now);
		}
		return raised;
	}

	private List<Risk> assess(Order order, LocalDate today, Instant now) {
		List<Risk> risks = new ArrayList<>();
		LocalDate committed = order.committedDeliveryDate();
		if (today.isAfter(committed)) {
			risks.add(new Risk("MISSED@" + committed, new DeliveryCommitmentMissed(order.id(), order.number(),
					order.accountId(), order.region(), committed, order.status(), ChronoUnit.DAYS.between(committed, today),
					now, order.total())));
		}
		if (order.status() == OrderStatus.CONFIRMED) {
			long slack = ChronoUnit.DAYS.between(today, order.latestProductionStart());
			if (slack < this.atRiskSlackDays) {
				risks.add(atRisk(order, "PRODUCTION_NOT_STARTED", slack, now));
			}
		}
		if (order.status() == OrderStatus.IN_PRODUCTION) {
			long slack = ChronoUnit.DAYS.between(today, committed.minusDays(this.transitDays));
			if (slack < 0) {
				risks.add(atRisk(order, "NOT_SHIPPED", slack, now));
			}
		}
		return risks;
	}

	private static Risk atRisk(Order order, String reason, long slack, Instant now) {
		return new Risk(reason + "@" + order.committedDeliveryDate(), new DeliveryCommitmentAtRisk(order.id(),
				order.number(), order.accountId(), order.region(), order.committedDeliveryDate(), reason, slack,
				order.status(), now, order.total()));
	}

	/** Flags the risks not raised before and saves them with their events in one versioned write. */
	private int raise(Order order, List<Risk> risks, Instant now) {
		List<String> fresh = risks.stream().filter((risk) -> order.flagRisk(risk.key(), risk.event(), now))
			.map(Risk::key).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		order.stageEvents("order", order.id(), this.events);
		try {
			this.orders.save(order);
			log.warn("Order {}: delivery commitment {}", order.id(), fresh);
			return fresh.size();
		}
		catch (OptimisticLockingFailureException ex) {
			// Another replica (or a user) saved the order first; the next round looks at it again.
			log.debug("Order {} changed while watching; {} left to the next round", order.id(), fresh);
			return 0;
		}
	}

	private record Risk(String key, OrderEvent event) {
	}

}
