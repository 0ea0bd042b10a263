package com.chairside.examples.subscriber;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chairside.examples.subscriber.Deduplication.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class DeduplicationUnitTests {

	private final Deduplication deduplication = new Deduplication(2);

	@Test
	void dropsAnEventWhoseIdWasSeen() {
		assertThat(this.deduplication.judge(event("a", "order-1", "3"))).isEqualTo(Verdict.NEW);
		assertThat(this.deduplication.judge(event("a", "order-1", "3"))).isEqualTo(Verdict.DUPLICATE);
	}

	@Test
	void dropsAnOlderSequenceOfTheSameAggregateButNotAnotherEventOfTheSameChange() {
		assertThat(this.deduplication.judge(event("a", "order-1", "3"))).isEqualTo(Verdict.NEW);
		assertThat(this.deduplication.judge(event("b", "order-1", "3"))).as("same change").isEqualTo(Verdict.NEW);
		assertThat(this.deduplication.judge(event("c", "order-1", "2"))).isEqualTo(Verdict.STALE);
		assertThat(this.deduplication.judge(event("d", "order-2", "1"))).as("another order").isEqualTo(Verdict.NEW);
	}

	@Test
	void forgetsTheOldestIdsBeyondItsBound() {
		this.deduplication.judge(event("a", "order-1", "1"));
		this.deduplication.judge(event("b", "order-2", "1"));
		this.deduplication.judge(event("c", "order-3", "1"));
		assertThat(this.deduplication.judge(event("c", "order-3", "1"))).isEqualTo(Verdict.DUPLICATE);
		assertThat(this.deduplication.judge(event("a", "order-1", "1"))).as("forgotten").isEqualTo(Verdict.NEW);
	}

	@Test
	void refusesWhatIsNoChairsideEvent() {
		assertThat(this.deduplication.judge(event(null, "order-1", "1"))).isEqualTo(Verdict.MALFORMED);
		assertThat(this.deduplication.judge(event("a", "order-1", "one"))).isEqualTo(Verdict.MALFORMED);
	}

	private static CloudEvent event(String id, String subject, String sequence) {
		Map<String, String> headers = new java.util.HashMap<>();
		headers.put(CloudEvent.ID, id);
		headers.put(CloudEvent.SUBJECT, subject);
		headers.put(CloudEvent.SEQUENCE, sequence);
		headers.values().removeIf(java.util.Objects::isNull);
		return new CloudEvent("chairside.orders", 0, 0, subject, headers, "{}");
	}

}
