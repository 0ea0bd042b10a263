package com.chairside.platform.scheduling;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Whether the service has begun to stop. A scheduled round that drains a queue (mails, webhook deliveries) asks
 * between two items and ends there, leaving the rest to the next replica or start: the scheduler waits for a running
 * round before the service may exit, so a round that drained a backlog would hold the stop past any grace period
 * (Kubernetes' 30 s, the launcher's 20 s) and be killed mid-item instead.
 */
public final class ServiceStopping implements ApplicationListener<ContextClosedEvent> {

	private volatile boolean stopping;

	/** The context closing is this service's (a child context closes only with it). */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.stopping = true;
	}

	public boolean stopping() {
		return this.stopping;
	}

}
