package com.chairside.reporting.projection.rebuild;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The plain consumers a rebuild reads the topics with: the service's own broker connection, login included (the
 * production broker wants SASL/SCRAM), but no group, so the live consumers' offsets are never touched.
 */
@Component
class RebuildConsumers {

	private final KafkaProperties kafka;

	private final RebuildSettings settings;

	RebuildConsumers(KafkaProperties kafka, RebuildSettings settings) {
		this.kafka = kafka;
		this.settings = settings;
	}

	KafkaConsumer<byte[], byte[]> open() {
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

}
