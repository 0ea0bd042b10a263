package com.chairside.platform.persistence;

import org.springframework.context.ApplicationListener;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Before the first save of each versioned document type, prepares its collection for the save's
 * {@code {_id, version}} filter ({@link ConditionalWrites#prepare}): an index on the embedded store, nothing on
 * MongoDB. Types without a version are left alone.
 */
public class VersionIndexes implements ApplicationListener<BeforeSaveEvent<Object>> {

	private final ConditionalWrites writes;

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mapping;

	public VersionIndexes(ConditionalWrites writes,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mapping) {
		this.writes = writes;
		this.mapping = mapping;
	}

	@Override
	public void onApplicationEvent(BeforeSaveEvent<Object> event) {
		MongoPersistentEntity<?> entity = this.mapping.getPersistentEntity(event.getSource().getClass());
		if (entity != null && entity.hasVersionProperty()) {
			this.writes.prepare(event.getCollectionName(), entity.getRequiredVersionProperty().getFieldName());
		}
	}

}
