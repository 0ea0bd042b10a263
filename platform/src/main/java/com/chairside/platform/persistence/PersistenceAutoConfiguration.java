package com.chairside.platform.persistence;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The store's profile and its conditional writes, in every service with a {@link MongoTemplate}. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(StoreSettings.class)
public class PersistenceAutoConfiguration {

	/** {@code chairside.store.kind}: {@code auto} (ask the store), {@code embedded} or {@code mongodb}. */
	@Bean
	StoreProfile storeProfile(MongoTemplate mongo, StoreSettings store) {
		return new StoreProfile(mongo, store.configuredKind());
	}

	@Bean
	ConditionalWrites conditionalWrites(MongoTemplate mongo, StoreProfile storeProfile) {
		return new ConditionalWrites(mongo, storeProfile);
	}

	@Bean
	VersionIndexes versionIndexes(ConditionalWrites conditionalWrites, MongoMappingContext mongoMappingContext) {
		return new VersionIndexes(conditionalWrites, mongoMappingContext);
	}

}
