package com.chairside.platform.persistence;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Optimistic concurrency on an aggregate's {@code @Version}: Spring Data saves it with a filter of its {@code _id}
 * and the version read, so a save based on a copy another writer has saved over fails with an
 * {@link OptimisticLockingFailureException}, which the API answers with 409. This reads again and retries such a
 * change, a few times, before letting the conflict through. (The filter is made cheap on the store that runs by
 * {@link VersionIndexes}.)
 */
public final class VersionedSave {

	/** How often a change is tried against writers that keep saving first. */
	public static final int ATTEMPTS = 5;

	private VersionedSave() {
	}

	/**
	 * Reads the freshest copy, applies {@code change} and, if it changed anything, saves it; a save that lost to
	 * another writer reads and applies again, {@link #ATTEMPTS} times at most. The aggregate as saved; empty when
	 * {@code read} found none or {@code change} changed nothing.
	 */
	public static <T> Optional<T> change(Supplier<Optional<T>> read, Predicate<T> change, UnaryOperator<T> save) {
		return retry(ATTEMPTS, () -> read.get().filter(change).map(save));
	}

	/**
	 * Runs {@code attempt} until it ends without an {@link OptimisticLockingFailureException}, {@code attempts} times
	 * at most; the last attempt's conflict is thrown.
	 */
	public static <T> T retry(int attempts, Supplier<T> attempt) {
		for (int tried = 1;; tried++) {
			try {
				return attempt.get();
			}
			catch (OptimisticLockingFailureException ex) {
				if (tried >= attempts) {
					throw ex;
				}
			}
		}
	}

}
