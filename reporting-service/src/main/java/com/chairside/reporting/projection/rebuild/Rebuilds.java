package com.chairside.reporting.projection.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.chairside.platform.web.ConflictException;
import com.chairside.platform.web.NotFoundException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.Projections;
import com.chairside.reporting.projection.rebuild.RebuildRun.PartitionProgress;

/**
 * Starts rebuilds and keeps them going. A rebuild's state lives in its {@link RebuildRun} document, so when the
 * replica running it dies, any replica (or the same one, restarted) takes it over once its lease ran out and resumes it
 * from the positions it stored: the batch that was being written is applied again, which changes nothing.
 */
@Service
public class Rebuilds {

	private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

	private final MongoTemplate mongo;

	private final Projections projections;

	private final RebuildWorker worker;

	private final RebuildConsumers consumers;

	private final RebuildSettings settings;

	private final Clock clock;

	/** This replica's name as a rebuild's worker. */
	private final String me = "worker-" + UUID.randomUUID();

	private final ExecutorService runner = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "projection-rebuild");
		thread.setDaemon(true);
		return thread;
	});

	Rebuilds(MongoTemplate mongo, Projections projections, RebuildWorker worker, RebuildConsumers consumers,
			RebuildSettings settings, Clock clock) {
		this.mongo = mongo;
		this.projections = projections;
		this.worker = worker;
		this.consumers = consumers;
		this.settings = settings;
		this.clock = clock;
	}

	/** Starts rebuilding {@code projection} ({@code all} or none: every one) from the beginning of its topics. */
	public RebuildRun start(String projection) {
		List<Projection> rebuilt = this.projections.select(projection);
		List<String> names = rebuilt.stream().map(Projection::name).toList();
		List<RebuildRun> running = this.mongo.find(Query.query(Criteria.where("state").is(RebuildRun.RUNNING)
			.and("projections").in(names)), RebuildRun.class);
		if (!running.isEmpty()) {
			throw new ConflictException("REBUILD_RUNNING", "Rebuild " + running.get(0).id() + " of "
					+ running.get(0).projections() + " is still running");
		}
		List<PartitionProgress> partitions = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = this.consumers.open()) {
			for (String topic : this.projections.topics(rebuilt)) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic);
				List<TopicPartition> tps = (infos != null)
						? infos.stream().map((i) -> new TopicPartition(topic, i.partition())).toList() : List.of();
				Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(tps);
				Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
				tps.forEach((tp) -> partitions.add(new PartitionProgress(topic, tp.partition(), beginnings.get(tp), ends.get(tp))));
			}
		}
		long total = partitions.stream().mapToLong((p) -> p.end() - p.position()).sum();
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		RebuildRun run = new RebuildRun(id, (projection == null || projection.isBlank()) ? Projections.ALL : projection,
				names, RebuildRun.RUNNING, 0, total, partitions, List.of(), this.me, this.clock.instant(),
				this.clock.instant(), null, 0, null);
		this.mongo.insert(run);
		log.info("Rebuild {} of {} started: {} events on {} partitions", id, names, total, partitions.size());
		this.runner.submit(() -> this.worker.run(id, this.me));
		return run;
	}

	public RebuildRun get(String id) {
		RebuildRun run = this.mongo.findById(id, RebuildRun.class);
		if (run == null) {
			throw new NotFoundException("Rebuild", id);
		}
		return run;
	}

	/** Takes over every running rebuild whose worker has not written within the lease, and resumes it here. */
	@Scheduled(fixedDelayString = "${chairside.reporting.rebuild.watch-interval:10s}")
	void resumeAbandoned() {
		Query abandoned = Query.query(Criteria.where("state").is(RebuildRun.RUNNING)
			.and("heartbeatAt").lt(this.clock.instant().minus(this.settings.lease())));
		for (RebuildRun run : this.mongo.find(abandoned, RebuildRun.class)) {
			RebuildRun taken = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(run.id()).and("heartbeatAt").is(run.heartbeatAt())
						.and("state").is(RebuildRun.RUNNING)),
					new Update().set("worker", this.me).set("heartbeatAt", this.clock.instant()).inc("restarts", 1),
					FindAndModifyOptions.options().returnNew(true), RebuildRun.class);
			if (taken != null) {
				log.warn("Rebuild {} of {} was abandoned by {}; resuming it at {} of {} events", run.id(),
						run.projections(), run.worker(), run.eventsApplied(), run.eventsTotal());
				this.runner.submit(() -> this.worker.run(run.id(), this.me));
			}
		}
	}

	@PreDestroy
	void stop() {
		this.runner.shutdownNow();
	}

}
