package com.chairside.lead.target;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

/**
 * Sets and reads the regional targets. A sales manager sets the targets of the region in their token (or of any
 * region when the token names none); an account manager reads their own region's only.
 */
@Service
public class Targets {

	private final MongoTemplate mongo;

	private final EventFactory events;

	private final Clock clock;

	Targets(MongoTemplate mongo, EventFactory events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	public RegionTarget set(String region, String period, TargetFigures figures, CurrentUser user) {
		requireMaySet(user, region);
		RegionTarget target = find(region, period);
		if (target == null) {
			target = RegionTarget.of(region, period);
		}
		target.set(figures, user.id(), this.clock.instant());
		target.stageEvents("target", target.id(), this.events);
		// A concurrent first save of the same target fails on the id (or the version) and answers 409: nothing is lost.
		return this.mongo.save(target);
	}

	public RegionTarget get(String region, String period, CurrentUser user) {
		RegionTarget target = user.canSee(region) ? find(region, period) : null;
		if (target == null) {
			throw new NotFoundException("Target", RegionTarget.id(region, period));
		}
		return target;
	}

	/** A sales manager whose token names a region sets that region's targets only; an admin any region's. */
	static void requireMaySet(CurrentUser user, String region) {
		if (user.has(CurrentUser.SALES_MANAGER) && !user.has(CurrentUser.ADMIN) && user.region() != null
				&& !user.region().equals(region)) {
			throw new AccessDeniedException("a sales manager sets the targets of their own region");
		}
	}

	private RegionTarget find(String region, String period) {
		return this.mongo.findById(RegionTarget.id(region, period), RegionTarget.class);
	}

}
