package com.chairside.platform;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoHandlerContext;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;
import org.springframework.integration.kafka.inbound.KafkaMessageDrivenChannelAdapter;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

import com.chairside.platform.health.MongoPingHealthIndicator;
import com.chairside.platform.inbox.DeadLetterCount;
import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.InboxErrorHandling;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.outbox.OutboxBacklog;
import com.chairside.platform.outbox.OutboxProperties;
import com.chairside.platform.outbox.OutboxRelay;
import com.chairside.platform.outbox.OutboxSource;
import com.chairside.platform.outbox.OutboxStore;
import com.chairside.platform.outbox.OutboxWakeUps;
import com.chairside.platform.persistence.StoreSettings;
import com.mongodb.MongoClientSettings;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/** Wires the event building blocks into every service that has {@code platform} on its class path. */
@AutoConfiguration(afterName = {
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableConfigurationProperties({ OutboxProperties.class, StoreSettings.class })
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EventFactory eventFactory(JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		return new EventFactory(json, clock, tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	EventHandlers eventHandlers(JsonMapper json, MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
		return new EventHandlers(json, meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	/** Retries and dead letters of every consumer binding, in its listener container: a store outage never dead-letters. */
	@Bean
	InboxErrorHandling inboxErrorHandling(KafkaProperties kafka, ObjectProvider<DlqPartitionFunction> partitions) {
		return new InboxErrorHandling(kafka.buildProducerProperties(), partitions.getIfAvailable());
	}

	/**
	 * A consumer binding's failure goes straight to its listener container, where {@link InboxErrorHandling} reports
	 * it once: not also through Spring Integration's error channel, whose logger writes every failed poll of a batch
	 * binding at ERROR with its stack trace, a poison record amid a poll as much as a bug.
	 */
	@Bean
	ConsumerEndpointCustomizer<KafkaMessageDrivenChannelAdapter<?, ?>> failuresToTheListenerContainer() {
		return (adapter, destination, group) -> adapter.setErrorChannel(null);
	}

	/** Counts each dead letter by topic and group as the binder sends it (and puts it on the topic's one partition). */
	@Bean
	DeadLetterCount deadLetterCount(MeterRegistry meters, ObjectProvider<BindingServiceProperties> bindings) {
		BindingServiceProperties properties = bindings.getIfAvailable();
		return new DeadLetterCount(meters, (properties != null) ? properties.getBindings() : Map.of());
	}

	/**
	 * Store timeouts that fail a request within seconds when the store is away (the driver's defaults wait 30 s for a
	 * server, and forever on a read), so that the API answers 503 at once and no request thread hangs.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(StoreSettings store) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(store.serverSelectionTimeout().toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout((int) store.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout((int) store.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * A span for each store command, a child of the request's or the consumed event's span (Spring Boot observes
	 * HTTP and Kafka but not the MongoDB driver).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeObservations(ObjectProvider<ObservationRegistry> observations) {
		ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		return (settings) -> settings.contextProvider(ContextProviderFactory.create(registry))
			.addCommandListener(new MongoObservationCommandListener(registry));
	}

	/**
	 * Store commands outside any request or consumed event (the relay's reads, the sweep, leases, health pings) make
	 * no traces of their own: they would bury the traces people follow.
	 */
	@Bean
	ObservationPredicate storeCommandsWithinWork(ObjectProvider<ObservationRegistry> observations) {
		return (name, context) -> !(context instanceof MongoHandlerContext)
				|| observations.getObject().getCurrentObservation() != null;
	}

	/**
	 * Nor do scheduled scans (the mail and webhook dispatchers poll every half second): the events a scan raises start
	 * their trace at the relay.
	 */
	@Bean
	ObservationPredicate noScheduledTraces() {
		return (name, context) -> !(context instanceof ScheduledTaskObservationContext);
	}

	@Bean(name = "mongoHealthContributor")
	MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	/**
	 * The relay's own producer: idempotent and acknowledged by all in-sync replicas, failing fast when the broker is
	 * away; observed, so that each send is a producer span that writes its {@code traceparent} on the record.
	 */
	@Bean
	@ConditionalOnBean(OutboxSource.class)
	KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(OutboxRelay.producerSettings(kafka.buildProducerProperties())));
		template.setObservationEnabled(true);
		return template;
	}

	/** The relay's own store client, on the service's database and settings, closed after the relay stops. */
	@Bean
	@ConditionalOnBean(OutboxSource.class)
	OutboxStore outboxStore(MongoClientSettings settings, ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers,
			MongoTemplate mongo) {
		return new OutboxStore(settings, customizers.orderedStream().toList(), mongo.getDb().getName());
	}

	@Bean
	@ConditionalOnBean(OutboxSource.class)
	OutboxRelay outboxRelay(OutboxStore outboxStore, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
			List<OutboxSource> sources, OutboxProperties properties,
			@Value("${spring.application.name}") String application, Clock clock, MeterRegistry meters,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new OutboxRelay(outboxStore.database(), outboxKafkaTemplate, sources, properties,
				"/chairside/" + application, clock, meters, tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	@ConditionalOnBean(OutboxSource.class)
	OutboxBacklog outboxBacklog(MongoTemplate mongo, List<OutboxSource> sources, OutboxProperties properties,
			Clock clock, MeterRegistry meters) {
		return new OutboxBacklog(mongo, sources, properties.backlogInterval(), clock, meters);
	}

	@Bean
	@ConditionalOnBean(OutboxSource.class)
	OutboxWakeUps outboxWakeUps(OutboxRelay outboxRelay) {
		return new OutboxWakeUps(outboxRelay);
	}

	/** The service's own topics, with explicit partitions, so that every client partitions by key the same way. */
	@Bean
	@ConditionalOnBean(OutboxSource.class)
	KafkaAdmin.NewTopics outboxTopics(List<OutboxSource> sources, OutboxProperties properties) {
		return new KafkaAdmin.NewTopics(sources.stream()
			.map((source) -> new NewTopic(source.topic(), properties.partitions(), properties.replicationFactor())
				.configs(Map.of("retention.ms", "-1")))
			.toArray(NewTopic[]::new));
	}

}
