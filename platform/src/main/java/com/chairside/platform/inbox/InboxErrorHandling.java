package com.chairside.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How a consumer meets a failed event, in the listener container rather than the binding: the binder's retry
 * settings ({@code max-attempts}, {@code back-off-*}) and its dead-letter topic ({@code enable-dlq}, {@code dlq-name})
 * configure a {@link DefaultErrorHandler}, which pauses between attempts and polls again, so that the consumer stays
 * in its group however long the attempts take.
 * <ul>
 * <li>A store that cannot be reached is no fault of the event: it is tried again with pauses growing from 250 ms to
 * 4 s for as long as the outage lasts, its partition waiting (its order kept), and never dead-lettered.</li>
 * <li>A poison message (and any exception the binding's {@code retryable-exceptions} marks {@code false}) goes to
 * the dead-letter topic at once.</li>
 * <li>Any other failure is tried {@code max-attempts} times, then dead-lettered.</li>
 * </ul>
 * A batch consumer ({@link EventHandlers#batchConsumer}) names the record that failed: the records before it are
 * committed, that one meets the rules above, and those after it are delivered again.
 * A dead letter keeps the record's key, value and headers, with the {@code kafka_dlt-*} headers naming the original
 * topic, partition, offset and the handler's exception; the binder's partition function, where there is one, picks its partition.
 * A dead letter that cannot be written leaves the event to be tried again, never lost.
 * <p>
 * Each failure is logged once, where it is understood: a poison record and a store outage by {@link EventHandlers},
 * any other failure here, a line per failed attempt and its stack trace at ERROR when it is dead-lettered.
 */
public class InboxErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InboxErrorHandling.class);

	private static final List<Class<? extends Exception>> STORE_AWAY = List.of(DataAccessResourceFailureException.class,
			QueryTimeoutException.class);

	private final DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers;

	private final KafkaTemplate<byte[], byte[]> deadLetters;

	private final DlqPartitionFunction partitions;

	/** Dead letters written on the service's own Kafka connection ({@code client}), acknowledged by all in-sync replicas. */
	public InboxErrorHandling(Map<String, Object> client, DlqPartitionFunction partitions) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		this.deadLetterProducers = new DefaultKafkaProducerFactory<>(config);
		this.deadLetters = new KafkaTemplate<>(this.deadLetterProducers);
		this.partitions = partitions;
	}

	@Override
	public boolean retryAndDlqInBinding(String destinationName, String group) {
		return false;
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			BackOff backOff) {
		configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
		DefaultErrorHandler errors;
		if (dlqDestinationResolver != null) {
			DeadLetterPublishingRecoverer deadLetters = deadLetters(group, dlqDestinationResolver);
			errors = new DefaultErrorHandler((record, ex) -> deadLetters.accept(record, failure(ex)), attempts(backOff));
		}
		else {
			errors = new DefaultErrorHandler(attempts(backOff));
		}
		List<Class<? extends Exception>> notRetryable = new ArrayList<>(List.of(PoisonMessageException.class));
		if (properties != null) {
			properties.getRetryableExceptions().forEach((type, retryable) -> {
				if (!retryable && Exception.class.isAssignableFrom(type)) {
					notRetryable.add(type.asSubclass(Exception.class));
				}
			});
		}
		notRetryable.forEach(errors::addNotRetryableExceptions);
		// The container classifies the exception under its own wrapper only; a batch consumer's failure comes wrapped
		// in the binding's and the batch's, so the chain is searched here too.
		errors.setBackOffFunction((record, ex) -> storeUnavailable(ex) ? storeOutage()
				: causedBy(ex, notRetryable) ? new FixedBackOff(0L, 0L) : null);
		// The container's report of each seek after a failure is a stack trace at ERROR, for a poison record amid a poll
		// (an expected path) as much as for a bug: Reporting says what happened instead, once.
		errors.setLogLevel(KafkaException.Level.DEBUG);
		errors.setRetryListeners(new Reporting(group, notRetryable));
		container.setCommonErrorHandler(errors);
	}

	/**
	 * Logs what {@link EventHandlers} does not: an event whose handling failed otherwise than by being poison or meeting
	 * the store away, at each failed attempt and when it is dead-lettered or cannot be.
	 */
	private record Reporting(String group, List<Class<? extends Exception>> notRetryable) implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
			if (ordinary(ex)) {
				log.warn("{}: {} failed (attempt {}): {}", this.group, where(record), attempt, failure(ex).toString());
			}
		}

		@Override
		public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
			if (ordinary(ex)) {
				log.error("{}: {} sent to the dead-letter topic, its last attempt failed", this.group, where(record),
						failure(ex));
			}
		}

		@Override
		public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
			log.error("{}: {} could not be dead-lettered and is tried again", this.group, where(record), failure);
		}

		private boolean ordinary(Exception ex) {
			return ex != null && !storeUnavailable(ex) && !causedBy(ex, this.notRetryable);
		}

		/** The record's place and its CloudEvent id, as an operator looks it up. */
		private static String where(ConsumerRecord<?, ?> record) {
			Header id = record.headers().lastHeader("ce_id");
			return "event " + ((id != null) ? new String(id.value(), StandardCharsets.UTF_8) : "(no ce_id)")
					+ " at " + record.topic() + "-" + record.partition() + "@" + record.offset();
		}

	}

	/** Whether {@code ex} or one of its causes is of one of the {@code types}. */
	private static boolean causedBy(Throwable ex, List<Class<? extends Exception>> types) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			for (Class<? extends Exception> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	private DeadLetterPublishingRecoverer deadLetters(String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> resolver) {
		return new DeadLetterPublishingRecoverer(this.deadLetters, (record, ex) -> {
			TopicPartition dlq = resolver.apply(record, ex);
			Integer partition = (this.partitions != null) ? this.partitions.apply(group, record, ex) : null;
			return (partition != null) ? new TopicPartition(dlq.topic(), partition) : dlq;
		});
	}

	/**
	 * The handler's own exception, as the dead letter names it, without the container's and the binding's wrappers nor
	 * the batch consumer's, which names the record that failed.
	 */
	private static Exception failure(Exception ex) {
		Exception failure = ex;
		while ((failure instanceof ListenerExecutionFailedException || failure instanceof MessagingException
				|| failure instanceof BatchListenerFailedException) && failure.getCause() instanceof Exception cause) {
			failure = cause;
		}
		return failure;
	}

	/** The binding's attempts for an ordinary failure; one attempt where the binding configures no retry. */
	private static BackOff attempts(BackOff backOff) {
		return (backOff != null) ? backOff : new FixedBackOff(0L, 0L);
	}

	/** Unbounded: the event waits for the store whatever the outage lasts. */
	private static BackOff storeOutage() {
		ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
		backOff.setMaxInterval(4000);
		return backOff;
	}

	/** Whether {@code ex} (as the container sees it, wrapped) comes of a store that cannot be reached. */
	static boolean storeUnavailable(Throwable ex) {
		return causedBy(ex, STORE_AWAY);
	}

	@Override
	public void destroy() {
		this.deadLetterProducers.destroy();
	}

}
