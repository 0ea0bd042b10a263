package com.chairside.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far consumer groups are behind, from the broker's own books: for each partition a group has committed on, the
 * end offset minus the committed one. Zero for every group means every record written so far has been handled (or
 * dead-lettered).
 */
final class ConsumerLag implements AutoCloseable {

	private final Admin admin;

	ConsumerLag(String bootstrap) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
		this.admin = Admin.create(config);
	}

	/** Records not yet handled by {@code group} on {@code topic}; -1 while the broker cannot say. */
	long of(String group, String topic) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			this.admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
			long lag = 0;
			for (var end : this.admin.listOffsets(latest).all().get().entrySet()) {
				OffsetAndMetadata done = committed.get(end.getKey());
				lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
			}
			return lag;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/** Moves {@code group}'s committed offsets on every partition of {@code topic} back to the beginning. */
	void resetToEarliest(String group, String topic) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		this.admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions()
			.forEach((p) -> start.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
		this.admin.alterConsumerGroupOffsets(group, start).all().get();
	}

	Admin admin() {
		return this.admin;
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
