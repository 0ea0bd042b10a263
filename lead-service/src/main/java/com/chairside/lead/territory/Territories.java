package com.chairside.lead.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.chairside.lead.lead.MatchKeys;

/**
 * Where a new lead belongs and who gets it: the longest postal-code prefix of the lead's country names the region,
 * and the region's account managers take turns (round robin through an atomic counter per region).
 */
@Service
public class Territories {

	private final MongoTemplate mongo;

	Territories(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The region of one new lead. Reads only the rules that could match, by id ({@code country:prefix}) for each
	 * prefix of the postal code: a read by {@code _id} stays cheap however many rules there are.
	 */
	public Optional<String> regionFor(String country, String postalCode) {
		String postal = MatchKeys.postalCodeKey(postalCode);
		if (country == null || postal == null) {
			return Optional.empty();
		}
		List<String> ids = new ArrayList<>(postal.length());
		for (int length = 1; length <= postal.length(); length++) {
			ids.add(Territory.of(country, postal.substring(0, length), null).id());
		}
		return regionFor(this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Territory.class), postalCode);
	}

	/** The rules of a country, for callers that place many leads at once. */
	public List<Territory> rulesIn(String country) {
		return this.mongo.find(Query.query(Criteria.where("country").is(country)), Territory.class);
	}

	public static Optional<String> regionFor(List<Territory> rules, String postalCode) {
		String postal = MatchKeys.postalCodeKey(postalCode);
		if (postal == null) {
			return Optional.empty();
		}
		return rules.stream()
			.filter((rule) -> postal.startsWith(rule.prefix()))
			.max(Comparator.comparingInt((Territory rule) -> rule.prefix().length()))
			.map(Territory::region);
	}

	/** The next {@code count} owners of the region's leads, or empty when the region has no account managers. */
	public List<String> nextOwners(String region, int count) {
		RegionTeam team = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(region)),
				new Update().inc("assigned", count), FindAndModifyOptions.options().returnNew(true), RegionTeam.class);
		if (team == null || team.accountManagers() == null || team.accountManagers().isEmpty()) {
			return List.of();
		}
		List<String> owners = new ArrayList<>(count);
		int size = team.accountManagers().size();
		for (long turn = team.assigned() - count; turn < team.assigned(); turn++) {
			owners.add(team.accountManagers().get((int) Math.floorMod(turn, size)));
		}
		return owners;
	}

	public Optional<String> nextOwner(String region) {
		return nextOwners(region, 1).stream().findFirst();
	}

	public Optional<RegionTeam> team(String region) {
		return Optional.ofNullable(this.mongo.findById(region, RegionTeam.class));
	}

	/** Replaces the region's account managers; the turn counter carries on. */
	public RegionTeam setTeam(String region, List<String> accountManagers) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(region)),
				new Update().set("accountManagers", List.copyOf(accountManagers)).setOnInsert("assigned", 0L),
				RegionTeam.class);
		return this.mongo.findById(region, RegionTeam.class);
	}

	public List<Territory> rules(String region) {
		return this.mongo.find(Query.query(Criteria.where("region").is(region)), Territory.class)
			.stream()
			.sorted(Comparator.comparing(Territory::id))
			.toList();
	}

	/** Replaces the region's rules; a prefix another region had moves to this one. */
	public List<Territory> setRules(String region, List<Territory> rules) {
		this.mongo.remove(Query.query(Criteria.where("region").is(region)), Territory.class);
		for (Territory rule : rules) {
			this.mongo.save(Territory.of(rule.country(), MatchKeys.postalCodeKey(rule.prefix()), region));
		}
		return rules(region);
	}

}
