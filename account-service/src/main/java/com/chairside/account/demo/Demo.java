package com.chairside.account.demo;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.RuleViolationException;

/**
 * A demo of products on a demo unit for an account (an end user or a reseller) or for a lead not converted yet; a lead's
 * demo takes the account when the lead is converted. It can be moved (times, unit) and cancelled until it took place.
 */
@Document("demos")
public class Demo extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	private String accountId;

	private String leadId;

	private String region;

	private String demoUnit;

	private List<String> products;

	private Instant start;

	private Instant end;

	private DemoStatus status;

	private DemoOutcome outcome;

	private String notes;

	private String scheduledBy;

	private Instant completedAt;

	private String cancelReason;

	private String cancelledBy;

	private Instant cancelledAt;

	protected Demo() {
	}

	static Demo schedule(String id, String accountId, String leadId, String region, String demoUnit,
			List<String> products, Instant start, Instant end, String by, Instant now) {
		Demo demo = new Demo();
		demo.id = id;
		demo.accountId = accountId;
		demo.leadId = leadId;
		demo.region = region;
		demo.demoUnit = demoUnit;
		demo.products = List.copyOf(products);
		demo.start = start;
		demo.end = end;
		demo.status = DemoStatus.SCHEDULED;
		demo.scheduledBy = by;
		demo.raise(new DemoScheduled(id, accountId, leadId, region, demoUnit, demo.products, start, end, by, now));
		return demo;
	}

	void complete(DemoOutcome outcome, String notes, String by, Instant now) {
		requireScheduled();
		this.status = DemoStatus.COMPLETED;
		this.outcome = outcome;
		this.notes = notes;
		this.completedAt = now;
		raise(new DemoCompleted(this.id, this.accountId, this.leadId, this.region, this.demoUnit, outcome, by, now));
	}

	/** Moves the demo to other times and/or another unit; the caller has booked the new slot already. */
	void reschedule(String demoUnit, Instant start, Instant end, String by, Instant now) {
		requireScheduled();
		DemoRescheduled moved = new DemoRescheduled(this.id, this.accountId, this.leadId, this.region, demoUnit, start,
				end, this.demoUnit, this.start, this.end, by, now);
		this.demoUnit = demoUnit;
		this.start = start;
		this.end = end;
		raise(moved);
	}

	void cancel(String reason, String by, Instant now) {
		requireScheduled();
		this.status = DemoStatus.CANCELLED;
		this.cancelReason = reason;
		this.cancelledBy = by;
		this.cancelledAt = now;
		raise(new DemoCancelled(this.id, this.accountId, this.leadId, this.region, this.demoUnit, this.start, this.end,
				reason, by, now));
	}

	/**
	 * The lead this demo was booked for was converted: from now on the demo belongs to the account (and its events say
	 * so). No event of its own: the conversion is lead-service's {@code LeadConverted}. False when nothing changes.
	 */
	boolean leadConverted(String accountId) {
		if (accountId.equals(this.accountId)) {
			return false;
		}
		this.accountId = accountId;
		return true;
	}

	/** The lead of a demo not yet converted moved to another region: its demo moves with it. */
	boolean leadMoved(String region) {
		if (this.accountId != null || region.equals(this.region)) {
			return false;
		}
		this.region = region;
		return true;
	}

	/** Only a scheduled demo changes: one that took place or was called off is history (422 with a code). */
	void requireScheduled() {
		if (this.status == DemoStatus.COMPLETED) {
			throw new RuleViolationException("DEMO_COMPLETED", "Demo " + this.id + " took place already");
		}
		if (this.status == DemoStatus.CANCELLED) {
			throw new RuleViolationException("DEMO_CANCELLED", "Demo " + this.id + " is cancelled");
		}
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String accountId() { return this.accountId; }
	public String leadId() { return this.leadId; }
	public String region() { return this.region; }
	public String demoUnit() { return this.demoUnit; }
	public List<String> products() { return this.products; }
	public Instant start() { return this.start; }
	public Instant end() { return this.end; }
	public DemoStatus status() { return this.status; }
	public DemoOutcome outcome() { return this.outcome; }
	public String notes() { return this.notes; }
	public String scheduledBy() { return this.scheduledBy; }
	public Instant completedAt() { return this.completedAt; }
	public String cancelReason() { return this.cancelReason; }
	public String cancelledBy() { return this.cancelledBy; }
	public Instant cancelledAt() { return this.cancelledAt; }

}
