package com.chairside.account.account;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which accounts carry each practice match key (the tax id; the name with the postal code), one document per key, so
 * that the accounts that may be the same practice are found by {@code _id}: the embedded store answers a query on
 * {@code taxIdKey} or {@code nameKey} (non-unique indexes) by scanning every account, once per opened account. An
 * account claims its keys whenever its channel conflicts are looked for (on opening and after each update), so a key
 * may still name an account that has changed since: the caller compares the accounts themselves. Resellers claim
 * nothing, they are never in a channel conflict. Accounts stored before the claims are claimed once at start.
 */
@Component
class PracticeKeys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PracticeKeys.class);

	/** The document that says every account stored before the claims has claimed its keys. */
	private static final String BACKFILLED = "backfilled";

	private final MongoTemplate mongo;

	PracticeKeys(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The account's keys; empty for a reseller. */
	static List<String> of(Account account) {
		List<String> keys = new ArrayList<>();
		if (account.kind() == AccountKind.RESELLER) {
			return keys;
		}
		if (account.taxIdKey() != null) {
			keys.add("TAX_ID:" + account.taxIdKey());
		}
		if (account.nameKey() != null && account.postalCodeKey() != null) {
			keys.add("NAME_AND_POSTAL_CODE:" + account.nameKey() + "|" + account.postalCodeKey());
		}
		return keys;
	}

	/** Claims the account's keys and returns the other accounts that have claimed one of them. */
	Set<String> claimAndShare(Account account) {
		Set<String> others = new LinkedHashSet<>();
		for (String key : of(account)) {
			claim(key, account.id());
			others.addAll(this.mongo.findById(key, PracticeKey.class).accounts());
		}
		others.remove(account.id());
		return others;
	}

	/** An upsert by {@code _id} alone; of two first claims at once, the one that collides claims again. */
	private void claim(String key, String accountId) {
		Query byKey = Query.query(Criteria.where("_id").is(key));
		Update claim = new Update().addToSet("accounts", accountId);
		try {
			this.mongo.upsert(byKey, claim, PracticeKey.class);
		}
		catch (DuplicateKeyException ex) {
			this.mongo.upsert(byKey, claim, PracticeKey.class);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.mongo.findById(BACKFILLED, PracticeKey.class) != null) {
			return;
		}
		Query all = new Query();
		all.fields().include("kind", "nameKey", "postalCodeKey", "taxIdKey");
		long claimed = 0;
		for (Account account : this.mongo.find(all, Account.class)) {
			of(account).forEach((key) -> claim(key, account.id()));
			claimed++;
		}
		this.mongo.save(new PracticeKey(BACKFILLED, List.of()));
		log.info("{} accounts stored before the practice keys claimed theirs", claimed);
	}

	/** One key and the accounts that claimed it. */
	@Document("account_practice_keys")
	record PracticeKey(@Id String key, List<String> accounts) {
	}

}
