package com.chairside.reporting.projection.rebuild;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rebuild, as every replica sees it: which projections, how far each partition of their topics has been read
 * ({@code partitions}), the worker holding it and when it last wrote ({@code heartbeatAt}, a lease). The new copies are
 * the projections' collections suffixed with the id.
 */
@Document("projection_rebuilds")
public record RebuildRun(@Id String id, String projection, List<String> projections, @Indexed String state,
		long eventsApplied, long eventsTotal, List<PartitionProgress> partitions, List<String> swapped, String worker,
		Instant startedAt, Instant heartbeatAt, Instant finishedAt, long restarts, String error) {

	public static final String RUNNING = "RUNNING";

	public static final String COMPLETED = "COMPLETED";

	public static final String FAILED = "FAILED";

	/** Progress in percent of the events to read, 100 once completed. */
	public int progress() {
		if (COMPLETED.equals(this.state)) {
			return 100;
		}
		return (this.eventsTotal == 0) ? 0 : (int) Math.min(99, this.eventsApplied * 100 / this.eventsTotal);
	}

	/** Where the rebuild stands on one partition: read from {@code position} on, up to {@code end} (exclusive). */
	public record PartitionProgress(String topic, int partition, long position, long end) {

		boolean done() {
			return this.position >= this.end;
		}

	}

}
