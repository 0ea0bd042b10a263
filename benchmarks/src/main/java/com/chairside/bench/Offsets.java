package com.chairside.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where a topic ends and how far a consumer group has committed, from the broker's own books. */
final class Offsets {

	private Offsets() {
	}

	static Map<TopicPartition, Long> ends(Admin admin, String topic) {
		try {
			var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
				.get(topic).partitions();
			Map<TopicPartition, OffsetSpec> latest = partitions.stream()
				.collect(Collectors.toMap((p) -> new TopicPartition(topic, p.partition()), (p) -> OffsetSpec.latest()));
			return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the end offsets of " + topic, ex);
		}
	}

	/** The group's committed offsets on {@code topic}, 0 for a partition it has not committed on. */
	static long committed(Admin admin, String group, String topic) {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
			return offsets.entrySet().stream()
				.filter((e) -> e.getKey().topic().equals(topic) && e.getValue() != null)
				.mapToLong((e) -> e.getValue().offset())
				.sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the offsets of group " + group, ex);
		}
	}

	static long sum(Map<TopicPartition, Long> offsets) {
		return offsets.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Moves a stopped group to the end of {@code topic}: it then has nothing to catch up on. */
	static void skipToEnd(Admin admin, String group, String topic) {
		try {
			Map<TopicPartition, OffsetAndMetadata> ends = ends(admin, topic).entrySet().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (e) -> new OffsetAndMetadata(e.getValue())));
			admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot move group " + group + " to the end of " + topic, ex);
		}
	}

}
