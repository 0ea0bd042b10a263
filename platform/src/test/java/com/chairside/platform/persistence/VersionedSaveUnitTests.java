package com.chairside.platform.persistence;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionedSaveUnitTests {

	@Test
	void aChangeThatLosesARaceIsReadAndAppliedAgain() {
		AtomicInteger reads = new AtomicInteger();
		Optional<String> saved = VersionedSave.change(() -> Optional.of("copy " + reads.incrementAndGet()),
				(copy) -> true, (copy) -> {
					if (copy.equals("copy 1")) {
						throw new OptimisticLockingFailureException("another writer saved first");
					}
					return copy + " saved";
				});
		assertThat(saved).contains("copy 2 saved");
	}

	@Test
	void aChangeThatChangesNothingIsNotSaved() {
		AtomicInteger saves = new AtomicInteger();
		Optional<String> saved = VersionedSave.change(() -> Optional.of("copy"), (copy) -> false, (copy) -> {
			saves.incrementAndGet();
			return copy;
		});
		assertThat(saved).isEmpty();
		assertThat(saves).hasValue(0);
	}

	@Test
	void nothingReadIsNothingChanged() {
		assertThat(VersionedSave.change(Optional::<String>empty, (copy) -> true, (copy) -> copy)).isEmpty();
	}

	@Test
	void theConflictIsLetThroughAfterTheLastAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> VersionedSave.retry(3, () -> {
			attempts.incrementAndGet();
			throw new OptimisticLockingFailureException("always first");
		})).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(attempts).hasValue(3);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> VersionedSave.retry(3, () -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("not a conflict");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(attempts).hasValue(1);
	}

}
