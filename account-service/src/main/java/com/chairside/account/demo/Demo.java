package com.chairside.account.demo;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.RuleViolationException;

/** A demo of products on a demo unit for an account (an end user or a reseller). */
@Document("demos")
// no constraint beyond the _id\'s: it lets the embedded store answer a versioned save ({_id, version}) from an index
@CompoundIndex(name = "id_version", def = "{\'_id\': 1, \'version\': 1}", unique = true)
public class Demo extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	private String accountId;

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

	protected Demo() {
	}

	static Demo schedule(String id, String accountId, String region, String demoUnit, List<String> products,
			Instant start, Instant end, String by, Instant now) {
		Demo demo = new Demo();
		demo.id = id;
		demo.accountId = accountId;
		demo.region = region;
		demo.demoUnit = demoUnit;
		demo.products = List.copyOf(products);
		demo.start = start;
		demo.end = end;
		demo.status = DemoStatus.SCHEDULED;
		demo.scheduledBy = by;
		demo.raise(new DemoScheduled(id, accountId, region, demoUnit, demo.products, start, end, by, now));
		return demo;
	}

	void complete(DemoOutcome outcome, String notes, String by, Instant now) {
		if (this.status == DemoStatus.COMPLETED) {
			throw new RuleViolationException("demo-completed", "Demo " + this.id + " is already completed");
		}
		this.status = DemoStatus.COMPLETED;
		this.outcome = outcome;
		this.notes = notes;
		this.completedAt = now;
		raise(new DemoCompleted(this.id, this.accountId, this.region, this.demoUnit, outcome, by, now));
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String accountId() { return this.accountId; }
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

}
