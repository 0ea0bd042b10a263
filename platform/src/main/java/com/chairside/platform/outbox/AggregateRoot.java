package com.chairside.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Transient;

/**
 * Base of an aggregate document that publishes events through the outbox. Behaviour methods {@link #raise} past-tense
 * events; right before the save, {@link #stageEvents} turns them into {@code pendingEvents} of the same document, so the
 * state change and its events are one atomic single-document write.
 * <p>
 * {@code revision} counts the events the aggregate has raised; each event carries it as {@code ce_sequence}, so a
 * consumer can ignore anything not newer than what it has applied.
 */
public abstract class AggregateRoot {

	private long revision;

	private List<PendingEvent> pendingEvents = new ArrayList<>();

	@Transient
	private final List<Raised> raised = new ArrayList<>();

	/** How many events the last {@link #stageEvents} put in the outbox. */
	@Transient
	private int lastStaged;

	protected void raise(Object event) {
		this.revision++;
		this.raised.add(new Raised(this.revision, event));
	}

	/** Moves the events raised since the last save into the outbox of this document. */
	public void stageEvents(String aggregate, String subject, EventFactory factory) {
		for (Raised r : this.raised) {
			this.pendingEvents.add(factory.pending(aggregate, subject, r.sequence(), r.event()));
		}
		this.lastStaged = this.raised.size();
		this.raised.clear();
	}

	/**
	 * Whether the outbox holds the events of the last {@link #stageEvents} alone (none was pending when this copy was
	 * read), asked once after the save that wrote them: nobody else can have taken those events yet. A later save of
	 * the same copy stages nothing new and is answered false.
	 */
	public boolean takeFreshlyStaged() {
		boolean fresh = this.lastStaged > 0 && this.pendingEvents.size() == this.lastStaged;
		this.lastStaged = 0;
		return fresh;
	}

	public long revision() {
		return this.revision;
	}

	/** The events raised since the last save, for tests of the aggregate's behaviour. */
	public List<Object> raisedEvents() {
		return this.raised.stream().map(Raised::event).toList();
	}

	private record Raised(long sequence, Object event) {
	}

}
