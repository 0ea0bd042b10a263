package com.chairside.account.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.chairside.platform.web.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Demo aggregate on its own: a scheduled demo is moved, cancelled or completed, one that took place or was called
 * off is history, and a lead's demo follows its lead. Booking the unit (no double booking) is the calendar's, tested
 * against the store.
 */
class DemoUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final Instant START = Instant.parse("2026-12-03T14:00:00Z");

	private static final Instant END = START.plus(Duration.ofHours(2));

	private static Demo forAccount() {
		return Demo.schedule("demo-1", "account-1", null, "NORTHEAST", "UNIT-BOS-1", List.of("TC-ORTHO-200"), START, END,
				"am.1", NOW);
	}

	private static Demo forLead() {
		return Demo.schedule("demo-2", null, "lead-1", "NORTHEAST", "UNIT-BOS-1", List.of("TC-ORTHO-200"), START, END,
				"am.1", NOW);
	}

	private static void refused(Demo demo, String code) {
		List<Consumer<Demo>> changes = List.of((d) -> d.reschedule("UNIT-BOS-2", START, END, "am.1", NOW),
				(d) -> d.cancel("No longer", "am.1", NOW), (d) -> d.complete(DemoOutcome.INTEREST, null, "am.1", NOW));
		for (Consumer<Demo> change : changes) {
			assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> change.accept(demo))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
		}
	}

	@Test
	void aScheduledDemoIsAnnouncedWithItsSlot() {
		Demo demo = forAccount();
		assertThat(demo.status()).isEqualTo(DemoStatus.SCHEDULED);
		assertThat(demo.raisedEvents()).containsExactly(new DemoScheduled("demo-1", "account-1", null, "NORTHEAST",
				"UNIT-BOS-1", List.of("TC-ORTHO-200"), START, END, "am.1", NOW));
	}

	@Test
	void aRescheduledDemoTellsWhereItWasAndWhereItIs() {
		Demo demo = forAccount();
		Instant later = START.plus(Duration.ofDays(1));
		demo.reschedule("UNIT-BOS-2", later, later.plus(Duration.ofHours(1)), "am.2", NOW);
		assertThat(demo.demoUnit()).isEqualTo("UNIT-BOS-2");
		assertThat(demo.start()).isEqualTo(later);
		assertThat(demo.status()).isEqualTo(DemoStatus.SCHEDULED);
		assertThat(demo.raisedEvents()).last()
			.isEqualTo(new DemoRescheduled("demo-1", "account-1", null, "NORTHEAST", "UNIT-BOS-2", later,
					later.plus(Duration.ofHours(1)), "UNIT-BOS-1", START, END, "am.2", NOW));
	}

	@Test
	void aCancelledDemoKeepsWhoCancelledItWhyAndIsHistory() {
		Demo demo = forAccount();
		demo.cancel("Practice closed for renovation", "am.1", NOW);
		assertThat(demo.status()).isEqualTo(DemoStatus.CANCELLED);
		assertThat(demo.cancelReason()).isEqualTo("Practice closed for renovation");
		assertThat(demo.cancelledBy()).isEqualTo("am.1");
		assertThat(demo.raisedEvents()).last()
			.isEqualTo(new DemoCancelled("demo-1", "account-1", null, "NORTHEAST", "UNIT-BOS-1", START, END,
					"Practice closed for renovation", "am.1", NOW));
		refused(demo, "DEMO_CANCELLED");
	}

	@Test
	void aCompletedDemoKeepsItsOutcomeAndIsHistory() {
		Demo demo = forAccount();
		demo.complete(DemoOutcome.QUOTE_REQUESTED, "Wants two chairs", "am.1", NOW);
		assertThat(demo.status()).isEqualTo(DemoStatus.COMPLETED);
		assertThat(demo.outcome()).isEqualTo(DemoOutcome.QUOTE_REQUESTED);
		assertThat(demo.completedAt()).isEqualTo(NOW);
		assertThat(demo.raisedEvents()).last()
			.isEqualTo(new DemoCompleted("demo-1", "account-1", null, "NORTHEAST", "UNIT-BOS-1",
					DemoOutcome.QUOTE_REQUESTED, "am.1", NOW));
		refused(demo, "DEMO_COMPLETED");
	}

	@Test
	void aLeadsDemoMovesWithItsLeadUntilTheLeadIsConverted() {
		Demo demo = forLead();
		assertThat(demo.leadMoved("NORTHEAST")).as("same region").isFalse();
		assertThat(demo.leadMoved("SOUTHWEST")).isTrue();
		assertThat(demo.region()).isEqualTo("SOUTHWEST");

		assertThat(demo.leadConverted("account-9")).isTrue();
		assertThat(demo.leadConverted("account-9")).as("redelivered conversion").isFalse();
		assertThat(demo.accountId()).isEqualTo("account-9");
		assertThat(demo.leadMoved("NORTHWEST")).as("the account's now").isFalse();
		assertThat(demo.region()).isEqualTo("SOUTHWEST");
		assertThat(demo.raisedEvents()).as("the conversion is lead-service's event").hasSize(1);
	}

}
