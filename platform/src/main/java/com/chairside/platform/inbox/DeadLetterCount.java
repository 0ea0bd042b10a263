package com.chairside.platform.inbox;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.cloud.stream.config.BindingProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code chairside.inbox.dead.letters{topic, group}}: records a consumer group gave up on and the binder sent to the
 * group's dead-letter topic, counted as the binder picks the dead letter's partition (it asks once per dead letter,
 * just before sending). Every partition pick is 0: the dead-letter topics have one partition, which keeps their
 * order for a re-drive. Each consumer binding's counter exists from the start at 0, so that an alert on its increase
 * and a dashboard see every topic before its first dead letter.
 */
public final class DeadLetterCount implements DlqPartitionFunction {

	static final String NAME = "chairside.inbox.dead.letters";

	private final MeterRegistry meters;

	/** Counts on {@code meters}, with a counter at 0 for each consumer binding (a group and its destinations). */
	public DeadLetterCount(MeterRegistry meters, Map<String, BindingProperties> bindings) {
		this.meters = meters;
		bindings.values().stream().filter((binding) -> binding.getGroup() != null && binding.getDestination() != null)
			.forEach((binding) -> {
				for (String topic : binding.getDestination().split(",")) {
					counter(topic.trim(), binding.getGroup());
				}
			});
	}

	@Override
	public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable cause) {
		counter(record.topic(), group).increment();
		return 0;
	}

	private Counter counter(String topic, String group) {
		return Counter.builder(NAME)
			.tags("topic", topic, "group", String.valueOf(group))
			.description("Records sent to the consumer group's dead-letter topic")
			.register(this.meters);
	}

}
