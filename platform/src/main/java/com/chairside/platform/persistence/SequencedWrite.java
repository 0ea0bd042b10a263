package com.chairside.platform.persistence;

import org.springframework.data.mongodb.core.query.Update;

/**
 * A write to an event-fed document, applied only when the event's sequence is newer than the
 * {@value ConditionalWrites#SEQUENCE} the document holds, so that a redelivered or older event changes nothing
 * (see {@link ConditionalWrites#ifNewer}). What happens when the document is not there is said by
 * {@link #orUpsert()} or {@link #orInsert(Object)}; otherwise nothing is written for it.
 *
 * @param <T> the document's type, as its collection is mapped
 */
public record SequencedWrite<T>(ConditionalWrites writes, Class<T> type, String collection, Object id, long sequence,
		Absent absent, Object inserted, boolean sameSequenceToo) {

	/** What a write does when the document is not there. */
	public enum Absent {

		/** Nothing: the write is not applied. */
		SKIP,

		/** The update creates the document. */
		UPSERT,

		/** {@link #inserted()} is inserted. */
		INSERT

	}

	/** When the document is not there, the update creates it. */
	public SequencedWrite<T> orUpsert() {
		return new SequencedWrite<>(this.writes, this.type, this.collection, this.id, this.sequence, Absent.UPSERT, null,
				this.sameSequenceToo);
	}

	/** When the document is not there, {@code document} is inserted instead of applying the update. */
	public SequencedWrite<T> orInsert(Object document) {
		return new SequencedWrite<>(this.writes, this.type, this.collection, this.id, this.sequence, Absent.INSERT,
				document, this.sameSequenceToo);
	}

	/** Applies also when the document holds this very sequence (a write that refreshes what it wrote before). */
	public SequencedWrite<T> orSameSequence() {
		return new SequencedWrite<>(this.writes, this.type, this.collection, this.id, this.sequence, this.absent,
				this.inserted, true);
	}

	/** Whether a document holding {@code held} takes this write. */
	boolean newerThan(long held) {
		return held < this.sequence || (held == this.sequence && this.sameSequenceToo);
	}

	/** Writes {@code update} if the event is newer; whether it was applied (or the document created). */
	public boolean apply(Update update) {
		return this.writes.apply(this, update, false).applied();
	}

	/** Writes {@code update} if the event is newer; the outcome with the document as it was before, when applied. */
	public Outcome<T> applyAndGetBefore(Update update) {
		return this.writes.apply(this, update, true);
	}

	/**
	 * Whether a write was applied, and the document as it was just before (null when the write created it, or when
	 * asked by {@link #apply} alone).
	 */
	public record Outcome<T>(boolean applied, T before) {

		static <T> Outcome<T> applied(T before) {
			return new Outcome<>(true, before);
		}

		static <T> Outcome<T> notApplied() {
			return new Outcome<>(false, null);
		}

	}

}
