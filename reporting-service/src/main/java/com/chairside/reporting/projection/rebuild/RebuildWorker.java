package com.chairside.reporting.projection.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.reporting.projection.ActiveCollections;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.Projections;
import com.chairside.reporting.projection.Projector;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one rebuild, in named phases: {@link #prepareCopies} (fresh collections with their indexes);
 * {@link #copyHistory} (the topics read from the positions stored in the run, the beginning at first, with a consumer
 * of no group, into the copies; then catch-up passes for what arrived meanwhile); {@link #switchOver} (the live
 * consumers' writes held, the topics read to their ends once more, the projections pointed at the new copies, the old
 * ones dropped); then {@link #complete} — or {@link #fail}, which leaves the live copies answering.
 */
@Component
class RebuildWorker {

	private static final Logger log = LoggerFactory.getLogger(RebuildWorker.class);

	/** Catch-up passes before the switch-over, each reading what arrived during the one before. */
	private static final int CATCH_UP_PASSES = 3;

	private final Projections projections;

	private final ActiveCollections active;

	private final RebuildConsumers consumers;

	private final RebuildReader.Tools tools;

	private final MeterRegistry meters;

	RebuildWorker(MongoTemplate mongo, Projections projections, Projector projector, ActiveCollections active,
			JsonMapper json, RebuildSettings settings, RebuildConsumers consumers, MeterRegistry meters, Clock clock) {
		this.projections = projections;
		this.active = active;
		this.consumers = consumers;
		this.tools = new RebuildReader.Tools(mongo, projector, json, settings, clock);
		this.meters = meters;
	}

	/** The collection a rebuild writes the projection's new copy to. */
	static String collection(Projection projection, String rebuildId) {
		return projection.collection() + "_" + rebuildId;
	}

	/** Runs (or resumes) the rebuild as {@code worker}; stops quietly when another worker took it over. */
	void run(String id, String worker) {
		RebuildRun run = mongo().findById(id, RebuildRun.class);
		if (run == null || !RebuildRun.RUNNING.equals(run.state())) {
			return;
		}
		List<Projection> rebuilt = run.projections().stream().map(this.projections::named).toList();
		long started = System.nanoTime();
		try (KafkaConsumer<byte[], byte[]> consumer = this.consumers.open();
				RebuildReader reader = new RebuildReader(this.tools, run, worker, rebuilt, consumer)) {
			prepareCopies(id, rebuilt);
			if (copyHistory(reader)) {
				long copied = System.nanoTime();
				if (switchOver(run, rebuilt, reader)) {
					complete(run, worker, started, copied);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.info("Rebuild {} interrupted; it stays RUNNING for a replica (or this one, restarted) to resume", id);
		}
		catch (RuntimeException ex) {
			fail(run, worker, rebuilt, ex);
		}
	}

	/** Reports select by region: each new copy gets the index the first copy got from its {@code @Indexed} field. */
	private void prepareCopies(String id, List<Projection> rebuilt) {
		rebuilt.forEach((p) -> mongo().indexOps(collection(p, id)).createIndex(new Index("region", Sort.Direction.ASC)));
	}

	/**
	 * Reads the topics to the ends captured at the start, then catches up with what arrived meanwhile until little
	 * is left; false when another worker took the rebuild over.
	 */
	private boolean copyHistory(RebuildReader reader) throws InterruptedException {
		if (!reader.readToEnds()) {
			return false;
		}
		for (int pass = 0; pass < CATCH_UP_PASSES; pass++) {
			if (reader.extendToEnd() < this.tools.settings().batchSize() / 2) {
				return true;
			}
			if (!reader.readToEnds()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The live consumers' writes to these projections wait (reports read the old copies) while this worker, the new
	 * copies' only writer, reads what arrived meanwhile; then the pointers move and the live consumers write on into
	 * the new copies. So each aggregate's events reach a new copy in their order, and none is refused there as older
	 * than one applied before it. False when another worker took the rebuild over: it switches over again, and this
	 * switch runs out at its end.
	 */
	private boolean switchOver(RebuildRun run, List<Projection> rebuilt, RebuildReader reader)
			throws InterruptedException {
		Instant until = this.tools.clock().instant().plus(this.tools.settings().lease());
		rebuilt.forEach((p) -> this.active.beginSwitch(p, until));
		// A write that read the pointer before the switch began lands in the old copy; its event is before the end
		// read now, so it reaches the new copy too.
		Thread.sleep(ActiveCollections.NOTICED_WITHIN.toMillis());
		reader.extendToEnd();
		if (!reader.readToEnds()) {
			return false;
		}
		if (!this.tools.clock().instant().isBefore(until)) {
			throw new IllegalStateException("The switch-over took longer than " + this.tools.settings().lease()
					+ ": the live consumers wrote on into the old copies, which stay");
		}
		List<String> replaced = movePointers(run, rebuilt);
		replaced.forEach(mongo()::dropCollection);
		return true;
	}

	/** Points each projection at its new copy; answers the copies replaced, noted in the run as they go. */
	private List<String> movePointers(RebuildRun run, List<Projection> rebuilt) {
		List<String> replaced = new ArrayList<>((run.swapped() != null) ? run.swapped() : List.of());
		for (Projection projection : rebuilt) {
			String left = this.active.moveTo(projection, collection(projection, run.id()), run.id());
			if (!left.equals(collection(projection, run.id()))) {
				replaced.add(left);
				mongo().updateFirst(Query.query(Criteria.where("_id").is(run.id())), new Update().set("swapped", replaced),
						RebuildRun.class);
			}
		}
		return replaced;
	}

	private void complete(RebuildRun run, String worker, long started, long copied) {
		Instant now = this.tools.clock().instant();
		RebuildRun done = mongo().findAndModify(Query.query(Criteria.where("_id").is(run.id()).and("worker").is(worker)),
				new Update().set("state", RebuildRun.COMPLETED).set("finishedAt", now).set("heartbeatAt", now),
				FindAndModifyOptions.options().returnNew(true), RebuildRun.class);
		long finished = System.nanoTime();
		double seconds = (finished - started) / 1e9;
		long applied = (done != null) ? done.eventsApplied() - run.eventsApplied() : 0;
		log.info("Rebuild {} of {} completed: {} events in {} s ({} events/s; the switch-over {} s), replaced {}",
				run.id(), run.projections(), applied, String.format("%.1f", seconds),
				Math.round(applied / Math.max(seconds, 0.001)), String.format("%.1f", (finished - copied) / 1e9),
				(done != null) ? done.swapped() : List.of());
		this.meters.counter("chairside.projection.rebuilds", "outcome", "completed").increment();
	}

	/** The live copies keep answering; a new copy no pointer names yet is dropped. */
	private void fail(RebuildRun run, String worker, List<Projection> rebuilt, RuntimeException ex) {
		log.error("Rebuild {} of {} failed", run.id(), run.projections(), ex);
		mongo().updateFirst(Query.query(Criteria.where("_id").is(run.id()).and("worker").is(worker)),
				new Update().set("state", RebuildRun.FAILED).set("error", String.valueOf(ex.getMessage()))
					.set("finishedAt", this.tools.clock().instant()),
				RebuildRun.class);
		rebuilt.forEach(this.active::endSwitch);
		if (run.swapped() == null || run.swapped().isEmpty()) {
			rebuilt.forEach((p) -> {
				if (!this.active.current(p).equals(collection(p, run.id()))) {
					mongo().dropCollection(collection(p, run.id()));
				}
			});
		}
		this.meters.counter("chairside.projection.rebuilds", "outcome", "failed").increment();
	}

	private MongoTemplate mongo() {
		return this.tools.mongo();
	}

}
