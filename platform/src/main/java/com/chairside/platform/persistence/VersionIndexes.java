package com.chairside.platform.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Prepares the collection of each versioned document type for the save's {@code {_id, version}} filter
 * ({@link ConditionalWrites#prepare}): an index on the embedded store, nothing on MongoDB. The types the service
 * declares are prepared at start, before it takes requests or events, so that no index is made while the collection is
 * written; a type met later, or a store away at start, is prepared before its first save. Types without a version are
 * left alone.
 */
public class VersionIndexes implements ApplicationListener<BeforeSaveEvent<Object>>, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(VersionIndexes.class);

	private final ConditionalWrites writes;

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mapping;

	public VersionIndexes(ConditionalWrites writes,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mapping) {
		this.writes = writes;
		this.mapping = mapping;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			for (MongoPersistentEntity<?> entity : this.mapping.getPersistentEntities()) {
				if (entity.hasVersionProperty() && entity.isAnnotationPresent(
						org.springframework.data.mongodb.core.mapping.Document.class)) {
					this.writes.prepare(entity.getCollection(), entity.getRequiredVersionProperty().getFieldName());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Versioned collections not prepared at start ({}); each is prepared before its first save",
					ex.toString());
		}
	}

	@Override
	public void onApplicationEvent(BeforeSaveEvent<Object> event) {
		MongoPersistentEntity<?> entity = this.mapping.getPersistentEntity(event.getSource().getClass());
		if (entity != null && entity.hasVersionProperty()) {
			this.writes.prepare(event.getCollectionName(), entity.getRequiredVersionProperty().getFieldName());
		}
	}

}
