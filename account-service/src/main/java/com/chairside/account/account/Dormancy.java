package com.chairside.account.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled dormancy check: a customer with no activity, demo or confirmed order for
 * {@code chairside.accounts.dormant-after} (90 days unless configured) goes dormant. Safe on every replica at once: each
 * transition is a version-conditional write (see {@link AccountManagement#markDormant}).
 */
@Component
public class Dormancy {

	private static final Logger log = LoggerFactory.getLogger(Dormancy.class);

	private final AccountManagement accounts;

	private final Clock clock;

	private final Duration dormantAfter;

	Dormancy(AccountManagement accounts, Clock clock,
			@Value("${chairside.accounts.dormant-after:P90D}") Duration dormantAfter) {
		this.accounts = accounts;
		this.clock = clock;
		this.dormantAfter = dormantAfter;
	}

	/** Runs on the schedule ({@code chairside.accounts.dormancy-check-interval}, hourly by default), and from tests. */
	@Scheduled(initialDelayString = "${chairside.accounts.dormancy-check-interval:PT1H}",
			fixedDelayString = "${chairside.accounts.dormancy-check-interval:PT1H}")
	public int check() {
		Instant quietSince = this.clock.instant().minus(this.dormantAfter);
		int dormant = this.accounts.markDormant(quietSince);
		if (dormant > 0) {
			log.info("{} customers went dormant (no activity since {})", dormant, quietSince);
		}
		return dormant;
	}

}
