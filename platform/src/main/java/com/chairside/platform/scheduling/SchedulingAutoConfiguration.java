package com.chairside.platform.scheduling;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutorListener;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Scheduler locks in every service with a store: {@code @SchedulerLock} on a scheduled method takes its lock in the
 * service's own database. Each job names its own lock durations; the default here only serves a job that names none.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", proxyTargetClass = true)
public class SchedulingAutoConfiguration {

	@Bean
	LockProvider schedulerLockProvider(MongoTemplate mongo) {
		return new SchedulerLocks(mongo.getDb());
	}

	@Bean
	ServiceStopping serviceStopping() {
		return new ServiceStopping();
	}

	@Bean
	LockingTaskExecutorListener scheduledRuns(MeterRegistry meters) {
		return new ScheduledRuns(meters);
	}

}
