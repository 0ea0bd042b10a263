package com.chairside.testsupport.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** What a service's database holds, read over the MongoDB wire protocol: documents per collection. */
record StoreSnapshot(Map<String, Long> counts) {

	static StoreSnapshot of(String mongoUri, Set<String> ignored) {
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoDatabase database = database(client, mongoUri);
			Map<String, Long> counts = new TreeMap<>();
			for (String collection : database.listCollectionNames()) {
				if (!ignored.contains(collection)) {
					counts.put(collection, database.getCollection(collection).countDocuments());
				}
			}
			return new StoreSnapshot(counts);
		}
	}

	/** Collections whose count differs from {@code before}, as {@code name: before -> after}. */
	List<String> changesSince(StoreSnapshot before) {
		List<String> changes = new ArrayList<>();
		Set<String> names = new java.util.TreeSet<>(before.counts.keySet());
		names.addAll(this.counts.keySet());
		for (String name : names) {
			Long was = before.counts.getOrDefault(name, 0L);
			Long is = this.counts.getOrDefault(name, 0L);
			if (!Objects.equals(was, is)) {
				changes.add(name + ": " + was + " -> " + is);
			}
		}
		return changes;
	}

	/** Documents anywhere in the database but {@code ignored} that contain {@code marker}, as {@code collection/_id}. */
	static List<String> documentsContaining(String mongoUri, String marker, Set<String> ignored) {
		List<String> found = new ArrayList<>();
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoDatabase database = database(client, mongoUri);
			for (String collection : database.listCollectionNames()) {
				if (ignored.contains(collection)) {
					continue;
				}
				for (Document document : database.getCollection(collection).find()) {
					if (document.toJson().contains(marker)) {
						found.add(collection + "/" + document.get("_id"));
					}
				}
			}
		}
		return found;
	}

	private static MongoDatabase database(MongoClient client, String mongoUri) {
		String path = mongoUri.substring(mongoUri.indexOf("//") + 2);
		String name = path.substring(path.indexOf('/') + 1).split("\\?")[0];
		return client.getDatabase(name);
	}

}
