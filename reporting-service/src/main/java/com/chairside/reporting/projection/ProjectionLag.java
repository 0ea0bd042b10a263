package com.chairside.reporting.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code chairside.projection.lag{projection=...}}: events on the projection's topic not yet handled by the live
 * consumers, the sum over its partitions of the end offset less the offset group {@code reporting-service} committed
 * (the whole partition when it committed none). Read from the broker with an admin client every
 * {@code chairside.reporting.lag-interval} (5 s), so it is the same whichever replica is asked.
 */
@Component
class ProjectionLag {

	private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);

	static final String GROUP = "reporting-service";

	private final Projections projections;

	private final Admin admin;

	private final Map<String, Long> lagByTopic = new ConcurrentHashMap<>();

	ProjectionLag(Projections projections, MeterRegistry meters, KafkaProperties kafka) {
		this.projections = projections;
		Properties config = new Properties();
		// The service's own connection, login included (the production broker wants SASL/SCRAM).
		config.putAll(kafka.buildAdminProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-lag");
		this.admin = Admin.create(config);
		for (Projection projection : projections.all()) {
			Gauge.builder("chairside.projection.lag", this.lagByTopic, (lags) -> lags.getOrDefault(projection.topic(), 0L))
				.tag("projection", projection.name())
				.description("Events on the projection's topic the live consumers have not handled yet")
				.baseUnit("events")
				.register(meters);
		}
	}

	@Scheduled(fixedDelayString = "${chairside.reporting.lag-interval:5s}", initialDelay = 2000)
	void measure() {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			List<String> topics = List.copyOf(this.projections.topics(this.projections.all()));
			Map<String, TopicDescription> described = this.admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			described.forEach((topic, d) -> d.partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
			Map<String, Long> lags = new HashMap<>();
			this.admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((tp, end) -> {
				OffsetAndMetadata done = committed.get(tp);
				lags.merge(tp.topic(), Math.max(0, end.offset() - ((done != null) ? done.offset() : 0)), Long::sum);
			});
			this.lagByTopic.putAll(lags);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.debug("Projection lag not measured this time: {}", ex.toString());
		}
	}

	@PreDestroy
	void close() {
		this.admin.close();
	}

}
