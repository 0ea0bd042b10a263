package com.chairside.reporting.projection.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.support.MessageBuilder;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;
import com.chairside.reporting.projection.Projector;
import com.chairside.reporting.projection.Projector.OwnCopyBatch;
import com.chairside.reporting.projection.Projector.Sequenced;
import com.chairside.reporting.projection.WrittenIds;
import com.chairside.reporting.projection.rebuild.RebuildRun.PartitionProgress;

import tools.jackson.databind.json.JsonMapper;

/**
 * One worker's reading of one rebuild: the partitions with their positions and ends, read into the projections' new
 * copies batch by batch, the positions saved after each batch under the worker's lease. No one else writes the new
 * copies meanwhile (the live consumers' writes wait during the switch-over, the lease keeps a second worker out), so
 * the sequence condition is checked in memory and the writes go by id. A batch is written on a thread of the reader's
 * own while the next is read and projected.
 */
final class RebuildReader implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RebuildReader.class);

	/** What every reading shares: the store, the projector and how the rebuild goes. */
	record Tools(MongoTemplate mongo, Projector projector, JsonMapper json, RebuildSettings settings, Clock clock) {
	}

	private final Tools tools;

	private final String rebuildId;

	private final String worker;

	private final List<Projection> rebuilt;

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final List<PartitionProgress> partitions;

	/**
	 * The documents this reading wrote, when it found the copies empty: the held sequences of the others are not read,
	 * as no one else writes the copies.
	 */
	private final WrittenIds written;

	/** Writes the batches, one at a time, while the next one is read. */
	private final ExecutorService writer = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "projection-rebuild-writer");
		thread.setDaemon(true);
		return thread;
	});

	RebuildReader(Tools tools, RebuildRun run, String worker, List<Projection> rebuilt,
			KafkaConsumer<byte[], byte[]> consumer) {
		this.tools = tools;
		this.rebuildId = run.id();
		this.worker = worker;
		this.rebuilt = rebuilt;
		this.consumer = consumer;
		this.partitions = new ArrayList<>(run.partitions());
		this.written = rebuilt.stream().allMatch((p) -> empty(RebuildWorker.collection(p, run.id())))
				? WrittenIds.ofEmptyCopy(run.eventsTotal()) : WrittenIds.unknown();
	}

	private boolean empty(String collection) {
		return this.tools.mongo().getCollection(collection).find().projection(new Document("_id", 1)).first() == null;
	}

	/** Moves each partition's end to the topic's end now; returns how many more events that makes. */
	long extendToEnd() {
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.partitions.stream().map(RebuildReader::of).toList());
		long more = 0;
		for (int i = 0; i < this.partitions.size(); i++) {
			PartitionProgress p = this.partitions.get(i);
			long end = ends.getOrDefault(of(p), p.end());
			if (end > p.end()) {
				more += end - p.end();
				this.partitions.set(i, new PartitionProgress(p.topic(), p.partition(), p.position(), end));
			}
		}
		if (more > 0) {
			this.tools.mongo().updateFirst(Query.query(Criteria.where("_id").is(this.rebuildId)),
					new Update().inc("eventsTotal", more).set("partitions", this.partitions), RebuildRun.class);
		}
		return more;
	}

	/**
	 * Reads every partition from its position to its end into the new copies; false when the worker lost its lease
	 * (another replica took the rebuild over). A batch is written, and the positions after it saved, on the writer's
	 * thread while the next one is read and projected here: the batches reach the store one at a time and in order,
	 * each batch's positions are saved only once its writes are done, and no batch is written after a save that found
	 * the lease lost. It returns once the last write is done.
	 */
	boolean readToEnds() throws InterruptedException {
		Map<TopicPartition, Integer> index = assignOpenPartitions();
		Future<Boolean> writing = CompletableFuture.completedFuture(true);
		try {
			while (this.partitions.stream().anyMatch((p) -> !p.done())) {
				if (Thread.currentThread().isInterrupted()) {
					throw new InterruptedException("stopping");
				}
				Batch batch = project(this.consumer.poll(Duration.ofMillis(500)), index);
				advancePositions(index);
				List<PartitionProgress> positions = List.copyOf(this.partitions);
				if (!written(writing)) {
					return false;
				}
				if (!this.tools.settings().pauseBetweenBatches().isZero()) {
					Thread.sleep(this.tools.settings().pauseBetweenBatches().toMillis());
				}
				writing = this.writer.submit(() -> write(batch) && saveProgress(positions, batch.read()));
			}
			return written(writing);
		}
		finally {
			// the caller may switch over or drop the copies next: no write of this reading may still be running then
			awaitUninterruptibly(writing);
		}
	}

	/** Waits for a batch's write; false when its save found the lease lost. A failed write fails the rebuild. */
	private boolean written(Future<Boolean> writing) throws InterruptedException {
		try {
			if (writing.get()) {
				return true;
			}
			log.info("Rebuild {}: another worker holds it now; this one stops", this.rebuildId);
			return false;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Rebuild " + this.rebuildId + " could not write a batch", ex.getCause());
		}
	}

	private static void awaitUninterruptibly(Future<?> writing) {
		boolean interrupted = false;
		while (!writing.isDone()) {
			try {
				writing.get();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			catch (ExecutionException ex) {
				break; // thrown by written() where it counts
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the writer's thread; a write still running is let finish. */
	@Override
	public void close() {
		this.writer.shutdown();
	}

	/** Assigns the partitions not read to their ends yet, at their positions; answers each partition's index. */
	private Map<TopicPartition, Integer> assignOpenPartitions() {
		Map<TopicPartition, Integer> index = new HashMap<>();
		List<TopicPartition> open = new ArrayList<>();
		for (int i = 0; i < this.partitions.size(); i++) {
			PartitionProgress p = this.partitions.get(i);
			index.put(of(p), i);
			if (!p.done()) {
				open.add(of(p));
			}
		}
		if (!open.isEmpty()) {
			this.consumer.resume(this.consumer.paused());
			this.consumer.assign(open);
			open.forEach((tp) -> this.consumer.seek(tp, this.partitions.get(index.get(tp)).position()));
		}
		return index;
	}

	/** The writes of a batch's events below their partitions' ends, prepared by projection, and how many it read. */
	private record Batch(Map<Projection, OwnCopyBatch> writes, long read) {
	}

	/** Reads and projects the batch's events below their partitions' ends, and prepares their writes. */
	private Batch project(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, Integer> index) {
		Map<Projection, List<Sequenced>> writes = new HashMap<>();
		long read = 0;
		for (ConsumerRecord<byte[], byte[]> record : records) {
			PartitionProgress p = this.partitions.get(index.get(new TopicPartition(record.topic(), record.partition())));
			if (record.offset() >= p.end()) {
				continue; // beyond this pass's end: read in the next pass
			}
			read++;
			IncomingEvent event = event(record);
			if (event != null) {
				collectWrites(record.topic(), event, writes);
			}
		}
		Map<Projection, OwnCopyBatch> prepared = new HashMap<>();
		writes.forEach((projection, batch) -> prepared.put(projection,
				this.tools.projector().prepareOwnCopy(batch, projection.document())));
		return new Batch(prepared, read);
	}

	/** Writes a batch into the new copies; true, so that the save of its positions follows. */
	private boolean write(Batch batch) {
		batch.writes().forEach((projection, writes) -> this.tools.projector().applyToOwnCopy(writes,
				RebuildWorker.collection(projection, this.rebuildId), this.written));
		return true;
	}

	private void collectWrites(String topic, IncomingEvent event, Map<Projection, List<Sequenced>> writes) {
		for (Projection projection : this.rebuilt) {
			if (projection.topic().equals(topic)) {
				ProjectionWrite write = write(projection, event);
				if (write != null) {
					writes.computeIfAbsent(projection, (x) -> new ArrayList<>())
						.add(new Sequenced(write, event.sequence(), event.id()));
				}
			}
		}
	}

	/** Takes the consumer's positions as the partitions' progress; pauses the partitions read to their ends. */
	private void advancePositions(Map<TopicPartition, Integer> index) {
		List<TopicPartition> finished = new ArrayList<>();
		for (TopicPartition tp : this.consumer.assignment()) {
			int i = index.get(tp);
			PartitionProgress p = this.partitions.get(i);
			long position = Math.min(this.consumer.position(tp), p.end());
			this.partitions.set(i, new PartitionProgress(p.topic(), p.partition(), position, p.end()));
			if (position >= p.end()) {
				finished.add(tp);
			}
		}
		this.consumer.pause(finished);
	}

	private boolean saveProgress(List<PartitionProgress> positions, long read) {
		return this.tools.mongo().updateFirst(
				Query.query(Criteria.where("_id").is(this.rebuildId).and("worker").is(this.worker)
					.and("state").is(RebuildRun.RUNNING)),
				new Update().set("partitions", positions).inc("eventsApplied", read)
					.set("heartbeatAt", this.tools.clock().instant()),
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
			return IncomingEvent.from(message.build(), this.tools.json());
		}
		catch (PoisonMessageException ex) {
			log.debug("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), ex.getMessage());
			return null;
		}
	}

	private ProjectionWrite write(Projection projection, IncomingEvent event) {
		try {
			return projection.writeFor(event, this.tools.json());
		}
		catch (PoisonMessageException ex) {
			return null;
		}
	}

	private static TopicPartition of(PartitionProgress p) {
		return new TopicPartition(p.topic(), p.partition());
	}

}
