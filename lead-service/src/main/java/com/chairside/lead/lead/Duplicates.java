package com.chairside.lead.lead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.persistence.Claims;
import com.chairside.platform.persistence.ConditionalWrites;

/**
 * Finds duplicates through claims on match keys: collection {@code lead_match_keys}, one document per key
 * ({@code _id} = the key as {@link #keysOf} writes it) naming the lead that holds it. Every read is by {@code _id}
 * (one {@code $in} for a whole import batch), so a check costs the same with ten leads or a million, on any store;
 * and a key is claimed by insert, so of two requests capturing the same practice at once
 * (on one replica or two) exactly one gets the key and the other answers 409 naming it.
 * <p>
 * There are no transactions, so the order of the writes carries the safety:
 * <ul>
 * <li>Capture: the claims are read, and a live one held by another lead answers 409 before anything is written;
 * then the keys are claimed, and only then the lead is stored (a failure in between releases the keys again).</li>
 * <li>Update: the new keys are claimed, the lead is stored, then the keys it no longer has are released.</li>
 * <li>Merge: both leads are stored, then the keys the survivor now has are handed over to it and the merged lead's
 * other keys released.</li>
 * <li>Import batch: all the batch's claims (one insert), then its leads (one insert), then problems and counters.</li>
 * </ul>
 * Whatever dies in between, the one thing left behind is a claim too many: on a lead that was never stored, or on a
 * key its lead no longer has (changed, merged away). Never a stored lead whose keys nobody holds, except where a
 * duplicate was explicitly allowed. So a claim counts as <em>live</em> while it is younger than
 * {@code chairside.leads.claim-grace} (a claimant has that long to store its lead: a claim's lead may not be there yet)
 * or while its lead exists and still has the key (a merged lead has none); otherwise it is stale and the next claimant
 * takes it over with a conditional update, so a crash blocks a key for the grace at most. A redone import batch names
 * the lead ids it derives as its own, so the claims its dead attempt left are taken, not reported as duplicates.
 * <p>
 * A lead kept with {@code allowDuplicate} takes only the keys nobody holds: the existing lead keeps its keys, so the
 * next duplicate is still reported against it.
 */
@Component
public class Duplicates {

	static final String CLAIMS = "lead_match_keys";

	private static final Logger log = LoggerFactory.getLogger(Duplicates.class);

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final Clock clock;

	private final Duration grace;

	private final MeterRegistry meters;

	Duplicates(MongoTemplate mongo, ConditionalWrites writes, Clock clock, LeadProperties settings,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.writes = writes;
		this.clock = clock;
		this.grace = settings.claimGrace();
		this.meters = meters;
	}

	/**
	 * Claims the keys of lead {@code leadId} (new, or changed so that it has {@code keys}). Unless
	 * {@code allowDuplicate}, a key held by another live lead refuses with the first such key in {@link #keysOf}
	 * order, before anything is written; with it, such keys stay with their holder. Answers the keys claimed now, to
	 * {@link #release} should the lead not be stored.
	 */
	public List<String> claim(String leadId, MatchKeys keys, boolean allowDuplicate) {
		List<String> wanted = keysOf(keys);
		if (wanted.isEmpty()) {
			return List.of();
		}
		Map<String, MatchKeyClaim> current = claims(wanted);
		if (!allowDuplicate) {
			firstDuplicate(wanted, liveHolders(current, Set.of(leadId))).ifPresent((duplicate) -> {
				this.meters.counter("chairside.leads.duplicates", "found", "before-writing").increment();
				throw duplicate;
			});
		}
		Claimed claimed = claim(Map.of(leadId, wanted), current, Set.of());
		List<String> taken = claimed.taken(leadId);
		Optional<DuplicateLeadException> raced = firstDuplicate(wanted, claimed.lost(leadId));
		if (raced.isPresent() && !allowDuplicate) {
			this.meters.counter("chairside.leads.duplicates", "found", "claimed-meanwhile").increment();
			release(leadId, taken);
			throw raced.get();
		}
		return taken;
	}

	/** The claims on the given keys, by key: one read by {@code _id}. */
	public Map<String, MatchKeyClaim> claims(Collection<String> keys) {
		Map<String, MatchKeyClaim> found = new HashMap<>();
		if (!keys.isEmpty()) {
			this.mongo.find(Query.query(Criteria.where("_id").in(new HashSet<>(keys))), MatchKeyClaim.class)
				.forEach((claim) -> found.put(claim.key(), claim));
		}
		return found;
	}

	/** Of the given claims, the live ones held by a lead not in {@code ignored}, as key to holder. */
	public Map<String, String> liveHolders(Map<String, MatchKeyClaim> claims, Set<String> ignored) {
		List<MatchKeyClaim> others = claims.values().stream().filter((c) -> !ignored.contains(c.leadId())).toList();
		Set<String> live = live(others);
		return others.stream()
			.filter((c) -> live.contains(c.key()))
			.collect(Collectors.toMap(MatchKeyClaim::key, MatchKeyClaim::leadId));
	}

	/**
	 * Claims each lead's keys, given the claims read before ({@link #claims}). A key is inserted when free, kept when
	 * the lead holds it already, taken over when its claim is stale or held by one of {@code ours} (lead ids the
	 * caller stores now: an import batch's own), and otherwise left with its live holder. Of two leads of this call
	 * wanting one key, the first gets it.
	 */
	public Claimed claim(Map<String, List<String>> keysByLead, Map<String, MatchKeyClaim> current, Set<String> ours) {
		Instant now = this.clock.instant();
		Set<String> live = live(current.values().stream()
			.filter((c) -> !ours.contains(c.leadId()) && !keysByLead.containsKey(c.leadId()))
			.toList());
		Map<String, List<String>> taken = new HashMap<>();
		Map<String, Map<String, String>> lost = new HashMap<>();
		Map<String, String> wantedBy = new HashMap<>();
		List<Document> inserts = new ArrayList<>();
		keysByLead.forEach((lead, keys) -> {
			for (String key : keys) {
				String other = wantedBy.putIfAbsent(key, lead);
				MatchKeyClaim claim = current.get(key);
				if (other != null) {
					lost.computeIfAbsent(lead, (l) -> new LinkedHashMap<>()).put(key, other);
				}
				else if (claim == null) {
					inserts.add(claimOf(key, lead, now));
				}
				else if (claim.leadId().equals(lead)) {
					// held already
				}
				else if (ours.contains(claim.leadId()) || !live.contains(key)) {
					if (takeOver(key, claim.leadId(), lead, now)) {
						log.info("Lead {} took over a match key from lead {}: stale, or its own import batch's", lead,
								claim.leadId());
						this.meters.counter("chairside.leads.match-key-claims.taken-over").increment();
						taken.computeIfAbsent(lead, (l) -> new ArrayList<>()).add(key);
					}
					else {
						lostTo(lost, lead, key);
					}
				}
				else {
					lost.computeIfAbsent(lead, (l) -> new LinkedHashMap<>()).put(key, claim.leadId());
				}
			}
		});
		BitSet refused = Claims.claimAll(this.mongo, CLAIMS, inserts);
		for (int i = 0; i < inserts.size(); i++) {
			String key = inserts.get(i).getString("_id");
			String lead = inserts.get(i).getString("leadId");
			if (refused.get(i)) {
				lostTo(lost, lead, key); // claimed meanwhile by someone else: they were first
			}
			else {
				taken.computeIfAbsent(lead, (l) -> new ArrayList<>()).add(key);
			}
		}
		return new Claimed(taken, lost);
	}

	/** Releases the lead's claims on the given keys; a claim that has passed to another lead stays with it. */
	public void release(String leadId, Collection<String> keys) {
		for (String key : keys) {
			this.writes.removeIf(CLAIMS, key, "leadId", leadId);
		}
	}

	/**
	 * After a merge: the survivor takes the keys it now has from the merged lead (or claims them when free), and the
	 * merged lead's other keys are released.
	 */
	void handOver(String mergedId, MatchKeys mergedKeys, String survivorId, MatchKeys survivorKeys) {
		List<String> keys = keysOf(survivorKeys);
		claim(Map.of(survivorId, keys), claims(keys), Set.of(mergedId));
		release(mergedId, keysOf(mergedKeys));
	}

	/** A lead's keys, each prefixed by what it is: {@code e:}, {@code p:}, {@code n:}. */
	public static List<String> keysOf(MatchKeys keys) {
		List<String> all = new ArrayList<>(3);
		if (keys == null) {
			return all;
		}
		if (keys.email() != null) {
			all.add("e:" + keys.email());
		}
		if (keys.phone() != null) {
			all.add("p:" + keys.phone());
		}
		if (keys.namePostalCode() != null) {
			all.add("n:" + keys.namePostalCode());
		}
		return all;
	}

	public static String describe(String key) {
		return switch (key.charAt(0)) {
			case 'e' -> "e-mail";
			case 'p' -> "phone";
			default -> "name and postal code";
		};
	}

	private static Optional<DuplicateLeadException> firstDuplicate(List<String> keys, Map<String, String> holders) {
		return keys.stream()
			.filter(holders::containsKey)
			.findFirst()
			.map((key) -> new DuplicateLeadException(holders.get(key), describe(key)));
	}

	/**
	 * The keys of the given claims that are live: younger than the grace, or held by a lead that exists and still
	 * has the key. Only the older claims cost a read, of their leads by {@code _id}.
	 */
	private Set<String> live(Collection<MatchKeyClaim> claims) {
		Instant settled = this.clock.instant().minus(this.grace);
		List<MatchKeyClaim> old = claims.stream()
			.filter((c) -> c.claimedAt() == null || c.claimedAt().isBefore(settled))
			.toList();
		Map<String, List<String>> keysOfLead = new HashMap<>();
		if (!old.isEmpty()) {
			Query leads = Query.query(Criteria.where("_id").in(old.stream().map(MatchKeyClaim::leadId).distinct().toList()));
			leads.fields().include("matchKeys");
			this.mongo.find(leads, KeysOnly.class, "leads")
				.forEach((lead) -> keysOfLead.put(lead.id(), keysOf(lead.matchKeys())));
		}
		return claims.stream()
			.filter((c) -> !old.contains(c) || keysOfLead.getOrDefault(c.leadId(), List.of()).contains(c.key()))
			.map(MatchKeyClaim::key)
			.collect(Collectors.toSet());
	}

	private boolean takeOver(String key, String from, String to, Instant now) {
		return this.writes.updateIf(CLAIMS, key, "leadId", from, new Update().set("leadId", to).set("claimedAt", now));
	}

	/** Notes who holds a key this call could not get, as read now. */
	private void lostTo(Map<String, Map<String, String>> lost, String lead, String key) {
		MatchKeyClaim holder = this.mongo.findById(key, MatchKeyClaim.class);
		if (holder != null && !holder.leadId().equals(lead)) {
			lost.computeIfAbsent(lead, (l) -> new LinkedHashMap<>()).put(key, holder.leadId());
		}
	}

	static Document claimOf(String key, String leadId, Instant now) {
		return new Document("_id", key).append("leadId", leadId).append("claimedAt", Date.from(now));
	}

	/** What a {@link #claim(Map, Map, Set)} got: per lead, the keys claimed now and the keys held by others. */
	public record Claimed(Map<String, List<String>> taken, Map<String, Map<String, String>> lost) {

		public List<String> taken(String lead) {
			return this.taken.getOrDefault(lead, List.of());
		}

		public Map<String, String> lost(String lead) {
			return this.lost.getOrDefault(lead, Map.of());
		}

	}

	record KeysOnly(String id, MatchKeys matchKeys) {
	}

}
