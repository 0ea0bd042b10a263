package com.chairside.account.leads;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The leads account-service knows ({@code known_leads}), fed by {@code LeadCaptured}, {@code LeadAssigned},
 * {@code LeadUpdated} and {@code LeadConverted}, each of which names the lead's region. A lead captured a moment ago
 * may not have arrived yet. Every read and write is by {@code _id}.
 */
@Component
public class LeadDirectory {

	private static final Logger log = LoggerFactory.getLogger(LeadDirectory.class);

	private final MongoTemplate mongo;

	LeadDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<KnownLead> find(String leadId) {
		return Optional.ofNullable(this.mongo.findById(leadId, KnownLead.class));
	}

	/**
	 * Records the lead and its region as of the event of {@code sequence}, unless a newer event was applied already;
	 * the lead as it is afterwards, and whether this event moved it to another region.
	 */
	public Learnt learn(String leadId, String region, long sequence) {
		while (true) {
			KnownLead current = this.mongo.findById(leadId, KnownLead.class);
			if (current == null) {
				try {
					return new Learnt(this.mongo.insert(new KnownLead(leadId, region, null, List.of(), sequence)), false);
				}
				catch (DuplicateKeyException ex) {
					continue; // learnt by another replica meanwhile: compare with what it wrote
				}
			}
			if (current.sequence() >= sequence) {
				log.debug("Lead {} already known at sequence {} (event of {})", leadId, current.sequence(), sequence);
				return new Learnt(current, false);
			}
			// exactly {_id, sequence: <held>}: answered from the unique index; no match means another replica won
			Query unchanged = Query.query(Criteria.where("_id").is(leadId).and("sequence").is(current.sequence()));
			if (this.mongo.updateFirst(unchanged, new Update().set("region", region).set("sequence", sequence),
					KnownLead.class).getMatchedCount() == 1) {
				return new Learnt(new KnownLead(leadId, region, current.accountId(), current.demoIds(), sequence),
						!region.equals(current.region()));
			}
		}
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
