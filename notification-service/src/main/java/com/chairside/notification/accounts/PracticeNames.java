package com.chairside.notification.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The practices' names this replica read or applied, at most {@code capacity}, the least recently used dropped first.
 * Each is kept for {@code ttl}: account events are applied by the replica that consumes their partition, so a rename
 * applied by another replica shows here within {@code ttl}, one applied here at once. Accounts not found are not kept:
 * an account not heard of yet may arrive any moment.
 * <p>
 * Each name carries a stamp taken before it was read (or after it was written): a read that began before a rename was
 * applied here never replaces the rename's name with the one it found.
 */
final class PracticeNames {

	private final Clock clock;

	private final Duration ttl;

	private final AtomicLong stamps = new AtomicLong();

	private final Map<String, Entry> entries;

	PracticeNames(Clock clock, Duration ttl, int capacity) {
		this.clock = clock;
		this.ttl = ttl;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > capacity;
			}

		};
	}

	/** A stamp for names about to be read: later than every name kept so far. */
	Stamp stamp() {
		return new Stamp(this.stamps.incrementAndGet(), this.clock.instant());
	}

	/** Puts the fresh names kept of {@code accountIds} into {@code names}. */
	synchronized void freshOnes(Collection<String> accountIds, Map<String, String> names) {
		Instant now = this.clock.instant();
		for (String accountId : accountIds) {
			Entry entry = this.entries.get(accountId);
			// A clock set back (tests) counts as expired, so a name never outlives its ttl.
			if (entry != null && !now.isBefore(entry.stamp().at()) && now.isBefore(entry.stamp().at().plus(this.ttl))) {
				names.put(accountId, entry.name());
			}
		}
	}

	/** Keeps {@code name} of {@code accountId}, unless a name stamped later is kept already. */
	synchronized void keep(String accountId, String name, Stamp stamp) {
		this.entries.merge(accountId, new Entry(name, stamp),
				(kept, given) -> (kept.stamp().order() > given.stamp().order()) ? kept : given);
	}

	/** When a name was read or written, and in which order among the others. */
	record Stamp(long order, Instant at) {
	}

	private record Entry(String name, Stamp stamp) {
	}

}
