package com.chairside.platform.persistence;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The store's profile and its conditional writes, in every service with a {@link MongoTemplate}. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
public class PersistenceAutoConfiguration {

	/** {@code chairside.store.kind}: {@code auto} (ask the store), {@code embedded} or {@code mongodb}. */
	@Bean
	StoreProfile storeProfile(MongoTemplate mongo, @Value("${chairside.store.kind:auto}") String kind) {
		return new StoreProfile(mongo, kind.equalsIgnoreCase("auto") ? null : StoreKind.valueOf(kind.toUpperCase(Locale.ROOT)));
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
