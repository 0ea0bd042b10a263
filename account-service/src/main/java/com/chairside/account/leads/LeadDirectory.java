package com.chairside.account.leads;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.persistence.ConditionalWrites;
import com.chairside.platform.persistence.SequencedWrite;

/**
 * The leads account-service knows ({@code known_leads}), fed by {@code LeadCaptured}, {@code LeadAssigned},
 * {@code LeadUpdated} and {@code LeadConverted}, each of which names the lead's region. A lead captured a moment ago
 * may not have arrived yet. Every read and write is by {@code _id}.
 */
@Component
public class LeadDirectory {

	private static final Logger log = LoggerFactory.getLogger(LeadDirectory.class);

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	LeadDirectory(MongoTemplate mongo, ConditionalWrites writes) {
		this.mongo = mongo;
		this.writes = writes;
	}

	public Optional<KnownLead> find(String leadId) {
		return Optional.ofNullable(this.mongo.findById(leadId, KnownLead.class));
	}

	/**
	 * Records the lead and its region as of the event of {@code sequence}, unless a newer event was applied already;
	 * the lead as it is afterwards, and whether this event moved it to another region.
	 */
	public Learnt learn(String leadId, String region, long sequence) {
		KnownLead learnt = new KnownLead(leadId, region, null, List.of(), sequence);
		SequencedWrite.Outcome<KnownLead> outcome = this.writes.ifNewer(KnownLead.class, leadId, sequence)
			.orInsert(learnt)
			.applyAndGetBefore(new Update().set("region", region).set("sequence", sequence));
		if (!outcome.applied()) {
			KnownLead current = find(leadId).orElseThrow();
			log.debug("Lead {} already known at sequence {} (event of {})", leadId, current.sequence(), sequence);
			return new Learnt(current, false);
		}
		KnownLead before = outcome.before();
		return (before == null) ? new Learnt(learnt, false)
				: new Learnt(new KnownLead(leadId, region, before.accountId(), before.demoIds(), sequence),
						!region.equals(before.region()));
	}

	/** The lead became this account (once: a lead is converted into one account); the lead as it is now. */
	public KnownLead converted(String leadId, String accountId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(leadId)), new Update().set("accountId", accountId),
				KnownLead.class);
		return this.mongo.findById(leadId, KnownLead.class);
	}

	/** Notes a demo booked for the lead, so that it follows the lead; the lead as it is now. */
	public KnownLead demoBooked(String leadId, String demoId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(leadId)), new Update().addToSet("demoIds", demoId),
				KnownLead.class);
		return this.mongo.findById(leadId, KnownLead.class);
	}

	/** A lead as an event left it, and whether that event moved it to another region. */
	public record Learnt(KnownLead lead, boolean moved) {
	}

}
