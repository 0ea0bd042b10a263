package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The document an upsert by id of one update creates when there is none yet, to insert it instead: an insert finds no
 * document first, and a batch of them goes in one unordered write. The update is mapped as Spring Data maps an
 * upsert's; only updates that set, increment and push top-level fields are turned into documents.
 */
final class NewDocuments {

	private final MongoConverter converter;

	private final UpdateMapper mapper;

	NewDocuments(MongoConverter converter) {
		this.converter = converter;
		this.mapper = new UpdateMapper(converter);
	}

	/** The id as Spring Data stores a String id: an ObjectId when it is one, else the String. */
	static Object storedId(String id) {
		return ObjectId.isValid(id) ? new ObjectId(id) : id;
	}

	/** The document {@code update} creates under {@code id}, or null when it does more than this turns into one. */
	Document of(String id, Update update, Class<?> type) {
		Document mapped = this.mapper.getMappedObject(update.getUpdateObject(),
				this.converter.getMappingContext().getPersistentEntity(type));
		Document created = new Document("_id", storedId(id));
		for (Map.Entry<String, Object> operation : mapped.entrySet()) {
			if (!(operation.getValue() instanceof Document fields)) {
				return null;
			}
			for (Map.Entry<String, Object> field : fields.entrySet()) {
				if (field.getKey().contains(".") || created.containsKey(field.getKey())) {
					return null;
				}
				switch (operation.getKey()) {
					case "$set", "$setOnInsert", "$inc" -> created.put(field.getKey(), field.getValue());
					case "$push" -> {
						List<Object> pushed = pushed(field.getValue());
						if (pushed == null) {
							return null;
						}
						created.put(field.getKey(), pushed);
					}
					default -> {
						return null;
					}
				}
			}
		}
		return created;
	}

	/** What a {@code $push} onto a missing field leaves: the value, or the values of {@code $each} alone. */
	private static List<Object> pushed(Object value) {
		if (value instanceof Document modifiers && modifiers.keySet().stream().anyMatch((k) -> k.startsWith("$"))) {
			return (modifiers.size() == 1 && modifiers.get("$each") instanceof List<?> each) ? new ArrayList<>(each) : null;
		}
		List<Object> list = new ArrayList<>();
		list.add(value);
		return list;
	}

}
