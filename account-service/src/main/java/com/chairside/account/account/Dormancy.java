package com.chairside.account.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The scheduled dormancy check: a customer with no activity, demo or confirmed order for
 * {@code chairside.accounts.dormant-after} (90 days unless configured) goes dormant. It runs on one replica per interval
 * (the {@code dormancy} scheduler lock), and two checks that meet change nothing twice: each transition is a
 * version-conditional write (see {@link AccountManagement#markDormant}).
 */
@Component
public class Dormancy {

	private static final Logger log = LoggerFactory.getLogger(Dormancy.class);

	private static final String INTERVAL = "${chairside.accounts.dormancy-check-interval:PT1H}";

	private final AccountManagement accounts;

	private final Clock clock;

	private final Duration dormantAfter;

	Dormancy(AccountManagement accounts, Clock clock, AccountProperties settings) {
		this.accounts = accounts;
		this.clock = clock;
		this.dormantAfter = settings.dormantAfter();
	}

	/** The scheduled check ({@code chairside.accounts.dormancy-check-interval}, hourly by default), on one replica. */
	@Scheduled(initialDelayString = INTERVAL, fixedDelayString = INTERVAL)
	@SchedulerLock(name = "dormancy", lockAtLeastFor = INTERVAL, lockAtMostFor = INTERVAL)
	public void checkOnSchedule() {
		check();
	}

	/** Marks the customers gone quiet dormant; returns how many. Run by the schedule, and by tests. */
	public int check() {
		Instant quietSince = this.clock.instant().minus(this.dormantAfter);
		int dormant = this.accounts.markDormant(quietSince);
		if (dormant > 0) {
			log.info("{} customers went dormant (no activity since {})", dormant, quietSince);
		}
		return dormant;
	}

}
