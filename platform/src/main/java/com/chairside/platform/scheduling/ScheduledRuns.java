package com.chairside.platform.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutorListener;

/** Counts each locked job's runs and the turns a replica left to the lock's holder, tagged by the job's lock name. */
class ScheduledRuns implements LockingTaskExecutorListener {

	private final MeterRegistry meters;

	ScheduledRuns(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void onTaskStarted(LockConfiguration lock) {
		this.meters.counter("chairside.scheduled.runs", "job", lock.getName()).increment();
	}

	@Override
	public void onLockNotAcquired(LockConfiguration lock) {
		this.meters.counter("chairside.scheduled.skipped", "job", lock.getName()).increment();
	}

}
