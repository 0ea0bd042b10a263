package com.chairside.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import static com.chairside.platform.outbox.OutboxDocuments.PENDING;

/**
 * The outbox's backlog per source, as gauges tagged {@code collection} and {@code topic}:
 * {@code chairside.outbox.pending} (events not yet published) and {@code chairside.outbox.oldest.age} (seconds since
 * the oldest of them was staged; 0 when none waits). Finding them scans the collection like the sweep, so a scrape
 * never queries: the values are read every {@code chairside.outbox.backlog-interval} (15 s) on a thread of their own,
 * at most {@value #READ_LIMIT} documents per source (only the events' times), and the gauges show the last reading.
 * Every replica reads the same documents, so any one of them tells the service's backlog.
 */
public final class OutboxBacklog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

	/** Documents read per source and round: beyond this the count is a floor and the age that of those read. */
	static final int READ_LIMIT = 10_000;

	private final OutboxDocuments documents;

	private final List<OutboxSource> sources;

	private final Duration interval;

	private final Clock clock;

	private final Map<String, Reading> readings = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService reader;

	public OutboxBacklog(MongoTemplate mongo, List<OutboxSource> sources, Duration interval, Clock clock,
			MeterRegistry meters) {
		this.documents = new OutboxDocuments(mongo.getDb());
		this.sources = List.copyOf(sources);
		this.interval = interval;
		this.clock = clock;
		for (OutboxSource source : this.sources) {
			this.readings.put(source.collection(), Reading.NONE);
			Gauge.builder("chairside.outbox.pending", this.readings, (r) -> r.get(source.collection()).pending())
				.tags("collection", source.collection(), "topic", source.topic())
				.description("Events staged in the outbox and not yet published")
				.register(meters);
			Gauge.builder("chairside.outbox.oldest.age", this.readings,
					(r) -> r.get(source.collection()).oldestAge(this.clock.instant()))
				.tags("collection", source.collection(), "topic", source.topic())
				.description("How long the oldest event staged in the outbox has waited to be published")
				.baseUnit("seconds")
				.register(meters);
		}
	}

	/** Reads every source's backlog once; the gauges show it from now on. */
	public void measure() {
		for (OutboxSource source : this.sources) {
			try {
				this.readings.put(source.collection(), read(source));
			}
			catch (RuntimeException ex) {
				// The store is away: the last reading stays, and the relay's own failures tell the rest.
				log.debug("Outbox backlog of {} not read this time: {}", source.collection(), ex.toString());
			}
		}
	}

	private Reading read(OutboxSource source) {
		long pending = 0;
		Instant oldest = null;
		for (Document document : this.documents.of(source)
			.find(Filters.exists(PENDING + ".0"))
			.projection(Projections.include(PENDING + ".time"))
			.limit(READ_LIMIT)) {
			List<Document> events = document.getList(PENDING, Document.class, List.of());
			pending += events.size();
			for (Document event : events) {
				Date time = event.getDate("time");
				if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
					oldest = time.toInstant();
				}
			}
		}
		return new Reading(pending, oldest);
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-backlog");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::measure, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.reader = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.reader;
		if (executor != null) {
			executor.shutdownNow();
			this.reader = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.reader != null;
	}

	/** One source's backlog as last read: how many events wait, and since when the oldest does (null: none). */
	private record Reading(long pending, Instant oldest) {

		static final Reading NONE = new Reading(0, null);

		double oldestAge(Instant now) {
			return (this.oldest == null) ? 0 : Math.max(0, Duration.between(this.oldest, now).toMillis() / 1000.0);
		}

	}

}
