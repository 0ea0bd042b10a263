package com.chairside.lead.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Finds the leads a lead would duplicate, by the stored match keys (merged leads no longer count). */
@Component
public class Duplicates {

	private final MongoTemplate mongo;

	Duplicates(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The first existing lead (other than {@code self}) sharing a key, and on what. */
	public Optional<DuplicateLeadException> of(MatchKeys keys, String self) {
		if (keys == null || keys.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> found = existing(List.of(keys));
		for (String key : keysOf(keys)) {
			String id = found.get(key);
			if (id != null && !id.equals(self)) {
				return Optional.of(new DuplicateLeadException(id, describe(key)));
			}
		}
		return Optional.empty();
	}

	/**
	 * The existing leads sharing any key of the given ones, as key (see {@link #keysOf}) to lead id: one query for a
	 * whole import batch.
	 */
	public Map<String, String> existing(Collection<MatchKeys> batch) {
		List<String> emails = batch.stream().map(MatchKeys::email).filter(Objects::nonNull).toList();
		List<String> phones = batch.stream().map(MatchKeys::phone).filter(Objects::nonNull).toList();
		List<String> names = batch.stream().map(MatchKeys::namePostalCode).filter(Objects::nonNull).toList();
		List<Criteria> any = new ArrayList<>();
		if (!emails.isEmpty()) {
			any.add(Criteria.where("matchKeys.email").in(emails));
		}
		if (!phones.isEmpty()) {
			any.add(Criteria.where("matchKeys.phone").in(phones));
		}
		if (!names.isEmpty()) {
			any.add(Criteria.where("matchKeys.namePostalCode").in(names));
		}
		Map<String, String> found = new HashMap<>();
		if (any.isEmpty()) {
			return found;
		}
		Query query = new Query(new Criteria().orOperator(any));
		query.fields().include("matchKeys");
		for (KeysOnly lead : this.mongo.find(query, KeysOnly.class, "leads")) {
			if (lead.matchKeys() != null) {
				keysOf(lead.matchKeys()).forEach((key) -> found.putIfAbsent(key, lead.id()));
			}
		}
		return found;
	}

	/** A lead's keys, each prefixed by what it is: {@code e:}, {@code p:}, {@code n:}. */
	public static List<String> keysOf(MatchKeys keys) {
		List<String> all = new ArrayList<>(3);
		if (keys.email() != null) {
			all.add("e:" + keys.email());
		}
		if (keys.phone() != null) {
			all.add("p:" + keys.phone());
		}
		if (keys.namePostalCode() != null) {
			all.add("n:" + keys.namePostalCode());
		}
		return all;
	}

	public static String describe(String key) {
		return switch (key.charAt(0)) {
			case 'e' -> "e-mail";
			case 'p' -> "phone";
			default -> "name and postal code";
		};
	}

	record KeysOnly(String id, MatchKeys matchKeys) {
	}

}
