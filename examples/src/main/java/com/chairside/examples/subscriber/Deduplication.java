package com.chairside.examples.subscriber;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which events to act on, given that Chairside delivers at least once: an event whose {@code ce_id} was seen before
 * is a duplicate (a redelivery after a crash or a rebalance, or a record re-sent whole), and one whose
 * {@code ce_sequence} is below the newest seen for its aggregate is stale (a re-driven old record). Events of one
 * change may share a sequence, so only a lower one is stale.
 *
 * <p>This one remembers in memory, up to a bound. A real subscriber keeps the seen ids and sequences in its own
 * store, written together with the effect of the event (one conditional write), so that a restart forgets nothing.
 */
public final class Deduplication {

	/** What to do with an event. */
	public enum Verdict {

		/** First time seen, and not older than what was applied for its aggregate. */
		NEW,
		/** Its {@code ce_id} was seen before. */
		DUPLICATE,
		/** Its {@code ce_sequence} is below the newest seen for its {@code ce_subject}. */
		STALE,
		/** No {@code ce_id}, or a {@code ce_sequence} that is no number: not a Chairside event. */
		MALFORMED

	}

	private final Map<String, Boolean> seenIds;

	private final Map<String, Long> newestSequence = new HashMap<>();

	/** Remembers up to {@code maxIds} event ids, forgetting the oldest first. */
	public Deduplication(int maxIds) {
		this.seenIds = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > maxIds;
			}

		};
	}

	/** Judges {@code event} and, when it is {@link Verdict#NEW}, remembers it. */
	public synchronized Verdict judge(CloudEvent event) {
		long sequence;
		try {
			sequence = event.sequence();
		}
		catch (NumberFormatException ex) {
			return Verdict.MALFORMED;
		}
		if (event.id() == null) {
			return Verdict.MALFORMED;
		}
		if (this.seenIds.containsKey(event.id())) {
			return Verdict.DUPLICATE;
		}
		Long newest = (event.subject() != null) ? this.newestSequence.get(event.subject()) : null;
		if (newest != null && sequence < newest) {
			return Verdict.STALE;
		}
		this.seenIds.put(event.id(), Boolean.TRUE);
		if (event.subject() != null) {
			this.newestSequence.merge(event.subject(), sequence, Math::max);
		}
		return Verdict.NEW;
	}

}
