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
 * Which accounts carry each practice match key (the tax id; the name with the postal code; the e-mail addresses and
 * phone numbers of the practice and its contacts), one document per key, so that the accounts that may be the same
 * practice are found by {@code _id}, never by a query on {@code taxIdKey} or {@code nameKey} across every account. An
 * account claims its keys whenever its channel conflicts are looked for (on opening and after each update), so a key
 * may still name an account that has changed since: the caller compares the accounts themselves. Resellers claim
 * nothing, they are never in a channel conflict nor a lead's practice. Accounts stored before the claims (or before
 * the e-mail and phone claims) are claimed once at start.
 */
@Component
class PracticeKeys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PracticeKeys.class);

	/**
	 * The document that says every account stored before the claims has claimed its keys; renamed when the keys grew
	 * the e-mail and phone claims, so that a store backfilled before claims again (claims are idempotent).
	 */
	private static final String BACKFILLED = "backfilled-email-phone";

	private static final String EMAIL = "EMAIL:";

	private static final String PHONE = "PHONE:";

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
			keys.add(nameAndPostalCode(account.nameKey(), account.postalCodeKey()));
		}
		account.emailKeys().forEach((email) -> keys.add(EMAIL + email));
		account.phoneKeys().forEach((phone) -> keys.add(PHONE + phone));
		return keys;
	}

	private static String nameAndPostalCode(String nameKey, String postalCodeKey) {
		return "NAME_AND_POSTAL_CODE:" + nameKey + "|" + postalCodeKey;
	}

	/** The keys a practice described by these raw values would claim (normalised as an account's are). */
	static List<String> of(String email, String phone, String name, String postalCode) {
		List<String> keys = new ArrayList<>();
		String emailKey = MatchKeys.email(email);
		String phoneKey = MatchKeys.phone(phone);
		String nameKey = MatchKeys.name(name);
		String postalCodeKey = MatchKeys.postalCode(postalCode);
		if (emailKey != null) {
			keys.add(EMAIL + emailKey);
		}
		if (phoneKey != null) {
			keys.add(PHONE + phoneKey);
		}
		if (nameKey != null && postalCodeKey != null) {
			keys.add(nameAndPostalCode(nameKey, postalCodeKey));
		}
		return keys;
	}

	/** Claims the account's keys (after a change that may have given it new ones, such as a contact). */
	void claimAll(Account account) {
		of(account).forEach((key) -> claim(key, account.id()));
	}

	/** The accounts that have claimed any of the keys; each may have changed since, so the caller compares. */
	Set<String> claimedBy(List<String> keys) {
		Set<String> accounts = new LinkedHashSet<>();
		for (String key : keys) {
			PracticeKey claimed = this.mongo.findById(key, PracticeKey.class);
			if (claimed != null) {
				accounts.addAll(claimed.accounts());
			}
		}
		return accounts;
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
		all.fields().include("kind", "nameKey", "postalCodeKey", "taxIdKey", "email", "phone", "contacts");
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
