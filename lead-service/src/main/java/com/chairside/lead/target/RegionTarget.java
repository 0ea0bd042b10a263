package com.chairside.lead.target;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.AggregateRoot;

/**
 * One region's target for one period, identified as {@code <region>:<period>} (the record key of its events, so a
 * consumer keeps them in order per target).
 */
@Document("targets")
public class RegionTarget extends AggregateRoot {

	@Id
	private String id;

	private String region;

	private String period;

	private TargetFigures figures;

	private String setBy;

	private Instant setAt;

	@Version
	private Long version;

	RegionTarget() {
	}

	static RegionTarget of(String region, String period) {
		RegionTarget target = new RegionTarget();
		target.id = id(region, period);
		target.region = region;
		target.period = period;
		return target;
	}

	static String id(String region, String period) {
		return region + ":" + period;
	}

	/** Sets the figures; the same figures again change nothing and publish nothing. */
	void set(TargetFigures figures, String by, Instant at) {
		if (figures.equals(this.figures)) {
			return;
		}
		this.figures = figures;
		this.setBy = by;
		this.setAt = at;
		raise(new TargetSet(this.id, this.region, this.period, figures.leadsCaptured(), figures.leadsQualified(),
				figures.leadsConverted(), figures.bookings(), by, at));
	}

	public String id() {
		return this.id;
	}

	public String region() {
		return this.region;
	}

	public String period() {
		return this.period;
	}

	public TargetFigures figures() {
		return this.figures;
	}

	public String setBy() {
		return this.setBy;
	}

	public Instant setAt() {
		return this.setAt;
	}

	public Long version() {
		return this.version;
	}

}
