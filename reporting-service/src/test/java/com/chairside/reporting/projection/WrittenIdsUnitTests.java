package com.chairside.reporting.projection;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every id written is held; of the others about one in a hundred, when as many went in as expected. */
class WrittenIdsUnitTests {

	@Test
	void holdsEveryIdWrittenAndFewOthers() {
		WrittenIds written = WrittenIds.ofEmptyCopy(20_000);
		var ids = IntStream.range(0, 20_000).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		ids.forEach((id) -> written.add("order_figures_x", id));

		assertThat(ids).allMatch((id) -> written.mayHold("order_figures_x", id));
		long others = IntStream.range(0, 20_000)
			.filter((i) -> written.mayHold("order_figures_x", UUID.randomUUID().toString()))
			.count();
		assertThat(others).as("false positives of 20,000").isLessThan(400);
		long elsewhere = ids.stream().filter((id) -> written.mayHold("lead_progress_x", id)).count();
		assertThat(elsewhere).as("the same ids in another copy").isLessThan(400);
	}

	@Test
	void aCopyNotFoundEmptyMayHoldAnyId() {
		assertThat(WrittenIds.unknown().mayHold("order_figures_x", "anything")).isTrue();
	}

}
