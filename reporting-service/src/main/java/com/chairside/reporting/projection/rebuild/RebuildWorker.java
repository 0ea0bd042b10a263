package com.chairside.reporting.projection.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.ActiveCollections;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;
import com.chairside.reporting.projection.Projections;
import com.chairside.reporting.projection.Projector;
import com.chairside.reporting.projection.Projector.Sequenced;
import com.chairside.reporting.projection.rebuild.RebuildRun.PartitionProgress;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one rebuild: reads the topics from the positions stored in the run (the beginning at first) with a plain
 * consumer of its own (no group: the live consumers' offsets are not touched) into fresh collections, in bulk writes
 * under the sequence condition, storing the positions after each batch. Once at the end offsets captured at the start,
 * it catches up with what arrived meanwhile, then switches over: holds the live consumers' writes, reads to the end once
 * more, points the projections at the new copies and drops the old ones.
 */
@Component
class RebuildWorker {

	private static final Logger log = LoggerFactory.getLogger(RebuildWorker.class);

	private final MongoTemplate mongo;

	private final Projections projections;

	private final Projector projector;

	private final ActiveCollections active;

	private final JsonMapper json;

	private final RebuildSettings settings;

	private final MeterRegistry meters;

	private final Clock clock;

	/** The service's own broker connection, login included (the production broker wants SASL/SCRAM). */
	private final KafkaProperties kafka;

	RebuildWorker(MongoTemplate mongo, Projections projections, Projector projector, ActiveCollections active,
			JsonMapper json, RebuildSettings settings, MeterRegistry meters, Clock clock,
			KafkaProperties kafka) {
		this.mongo = mongo;
		this.projections = projections;
		this.projector = projector;
		this.active = active;
		this.json = json;
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
		this.kafka = kafka;
	}

	/** The collection a rebuild writes the projection's new copy to. */
	static String collection(Projection projection, String rebuildId) {
		return projection.collection() + "_" + rebuildId;
	}

	KafkaConsumer<byte[], byte[]> consumer() {
		Properties config = new Properties();
		config.putAll(this.kafka.buildConsumerProperties());
		// No group: it reads by assignment and commits nothing.
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.settings.batchSize());
		config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
		// A topic nobody has written to yet is read as empty, never created here with the broker's defaults.
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return new KafkaConsumer<>(config);
	}

	/** Runs (or resumes) the rebuild as {@code worker}; stops quietly when another worker took it over. */
	void run(String id, String worker) {
		RebuildRun run = this.mongo.findById(id, RebuildRun.class);
		if (run == null || !RebuildRun.RUNNING.equals(run.state())) {
			return;
		}
		List<Projection> rebuilt = run.projections().stream().map(this.projections::named).toList();
		long started = System.nanoTime();
		long appliedBefore = run.eventsApplied();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			// Reports select by region: the new copy gets the index the first copy got from its @Indexed field.
			rebuilt.forEach((p) -> this.mongo.indexOps(collection(p, id))
				.createIndex(new org.springframework.data.mongodb.core.index.Index("region",
						org.springframework.data.domain.Sort.Direction.ASC)));
			List<PartitionProgress> partitions = new ArrayList<>(run.partitions());
			if (!copy(run, worker, rebuilt, consumer, partitions)) {
				return;
			}
			for (int pass = 0; pass < 3; pass++) {
				if (extendToEnd(run, consumer, partitions) < this.settings.batchSize() / 2) {
					break;
				}
				if (!copy(run, worker, rebuilt, consumer, partitions)) {
					return;
				}
			}
			// The switch-over: the live consumers' writes to these projections wait (reports read the old copies) while
			// this worker, the new copies' only writer, reads what arrived meanwhile; then the pointers move and the
			// live consumers write on into the new copies. So each aggregate's events reach a new copy in their order,
			// and none is refused there as older than one applied before it.
			Instant until = this.clock.instant().plus(this.settings.lease());
			rebuilt.forEach((p) -> this.active.beginSwitch(p, until));
			// A write that read the pointer before the switch began lands in the old copy; its event is before the
			// end read now, so it reaches the new copy too.
			Thread.sleep(ActiveCollections.NOTICED_WITHIN.toMillis());
			extendToEnd(run, consumer, partitions);
			if (!copy(run, worker, rebuilt, consumer, partitions)) {
				return; // the worker that took over switches over again; this switch runs out at its end
			}
			if (!this.clock.instant().isBefore(until)) {
				throw new IllegalStateException("The switch-over took longer than " + this.settings.lease()
						+ ": the live consumers wrote on into the old copies, which stay");
			}
			List<String> replaced = new ArrayList<>((run.swapped() != null) ? run.swapped() : List.of());
			for (Projection projection : rebuilt) {
				String left = this.active.moveTo(projection, collection(projection, id), id);
				if (!left.equals(collection(projection, id))) {
					replaced.add(left);
					this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("swapped", replaced),
							RebuildRun.class);
				}
			}
			replaced.forEach(this.mongo::dropCollection);
			RebuildRun done = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("worker").is(worker)),
					new Update().set("state", RebuildRun.COMPLETED).set("finishedAt", this.clock.instant())
						.set("heartbeatAt", this.clock.instant()),
					org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), RebuildRun.class);
			double seconds = (System.nanoTime() - started) / 1e9;
			long applied = (done != null) ? done.eventsApplied() - appliedBefore : 0;
			log.info("Rebuild {} of {} completed: {} events in {} s ({} events/s), replaced {}", id, run.projections(),
					applied, String.format("%.1f", seconds), Math.round(applied / Math.max(seconds, 0.001)), replaced);
			this.meters.counter("chairside.projection.rebuilds", "outcome", "completed").increment();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.info("Rebuild {} interrupted; it stays RUNNING for a replica (or this one, restarted) to resume", id);
		}
		catch (RuntimeException ex) {
			log.error("Rebuild {} of {} failed", id, run.projections(), ex);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("worker").is(worker)),
					new Update().set("state", RebuildRun.FAILED).set("error", String.valueOf(ex.getMessage()))
						.set("finishedAt", this.clock.instant()),
					RebuildRun.class);
			rebuilt.forEach(this.active::endSwitch);
			if (run.swapped() == null || run.swapped().isEmpty()) {
				rebuilt.forEach((p) -> {
					if (!this.active.current(p).equals(collection(p, id))) {
						this.mongo.dropCollection(collection(p, id));
					}
				});
			}
			this.meters.counter("chairside.projection.rebuilds", "outcome", "failed").increment();
		}
	}

	/** Moves each partition's end to the topic's end now; returns how many more events that makes. */
	private long extendToEnd(RebuildRun run, KafkaConsumer<byte[], byte[]> consumer, List<PartitionProgress> partitions) {
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions.stream()
			.map((p) -> new TopicPartition(p.topic(), p.partition()))
			.toList());
		long more = 0;
		for (int i = 0; i < partitions.size(); i++) {
			PartitionProgress p = partitions.get(i);
			long end = ends.getOrDefault(new TopicPartition(p.topic(), p.partition()), p.end());
			if (end > p.end()) {
				more += end - p.end();
				partitions.set(i, new PartitionProgress(p.topic(), p.partition(), p.position(), end));
			}
		}
		if (more > 0) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(run.id())),
					new Update().inc("eventsTotal", more).set("partitions", partitions), RebuildRun.class);
		}
		return more;
	}

	/**
	 * Reads every partition from its position to its end into the new copies, batch by batch, saving the positions
	 * after each; false when the worker lost its lease (another replica took the rebuild over). No one else writes the
	 * new copies meanwhile (the live consumers' writes wait during the switch-over, the lease keeps a second worker
	 * out), so the sequence condition is checked in memory and the writes go by id.
	 */
	private boolean copy(RebuildRun run, String worker, List<Projection> rebuilt, KafkaConsumer<byte[], byte[]> consumer,
			List<PartitionProgress> partitions) throws InterruptedException {
		Map<TopicPartition, Integer> index = new HashMap<>();
		List<TopicPartition> open = new ArrayList<>();
		for (int i = 0; i < partitions.size(); i++) {
			PartitionProgress p = partitions.get(i);
			TopicPartition tp = new TopicPartition(p.topic(), p.partition());
			index.put(tp, i);
			if (!p.done()) {
				open.add(tp);
			}
		}
		if (open.isEmpty()) {
			return true;
		}
		consumer.resume(consumer.paused());
		consumer.assign(open);
		open.forEach((tp) -> consumer.seek(tp, partitions.get(index.get(tp)).position()));
		while (partitions.stream().anyMatch((p) -> !p.done())) {
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException("stopping");
			}
			ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
			Map<Projection, List<Sequenced>> writes = new HashMap<>();
			long read = 0;
			for (ConsumerRecord<byte[], byte[]> record : records) {
				TopicPartition tp = new TopicPartition(record.topic(), record.partition());
				PartitionProgress p = partitions.get(index.get(tp));
				if (record.offset() >= p.end()) {
					continue; // beyond this pass's end: read in the next pass
				}
				read++;
				IncomingEvent event = event(record);
				if (event == null) {
					continue;
				}
				for (Projection projection : rebuilt) {
					if (projection.topic().equals(record.topic())) {
						ProjectionWrite write = write(projection, event);
						if (write != null) {
							writes.computeIfAbsent(projection, (x) -> new ArrayList<>())
								.add(new Sequenced(write, event.sequence(), event.id()));
						}
					}
				}
			}
			writes.forEach((projection, batch) -> this.projector.applyToOwnCopy(batch, projection.document(),
					collection(projection, run.id())));
			List<TopicPartition> finished = new ArrayList<>();
			for (TopicPartition tp : consumer.assignment()) {
				int i = index.get(tp);
				PartitionProgress p = partitions.get(i);
				long position = Math.min(consumer.position(tp), p.end());
				partitions.set(i, new PartitionProgress(p.topic(), p.partition(), position, p.end()));
				if (position >= p.end()) {
					finished.add(tp);
				}
			}
			consumer.pause(finished);
			if (!saveProgress(run.id(), worker, partitions, read)) {
				log.info("Rebuild {}: another worker holds it now; this one stops", run.id());
				return false;
			}
			if (!this.settings.pauseBetweenBatches().isZero()) {
				Thread.sleep(this.settings.pauseBetweenBatches().toMillis());
			}
		}
		return true;
	}

	private boolean saveProgress(String id, String worker, List<PartitionProgress> partitions, long read) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and("worker").is(worker).and("state").is(RebuildRun.RUNNING)),
				new Update().set("partitions", partitions).inc("eventsApplied", read).set("heartbeatAt", this.clock.instant()),
				RebuildRun.class).getMatchedCount() == 1;
	}

	/** The live consumers sent poison messages to the dead-letter topic; a rebuild leaves them out the same way. */
	private IncomingEvent event(ConsumerRecord<byte[], byte[]> record) {
		if (record.value() == null) {
			return null;
		}
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
		for (Header header : record.headers()) {
			message.setHeader(header.key(), header.value());
		}
		try {
			return IncomingEvent.from(message.build(), this.json);
		}
		catch (PoisonMessageException ex) {
			log.debug("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), ex.getMessage());
			return null;
		}
	}

	private ProjectionWrite write(Projection projection, IncomingEvent event) {
		try {
			return projection.writeFor(event, this.json);
		}
		catch (PoisonMessageException ex) {
			return null;
		}
	}

}
