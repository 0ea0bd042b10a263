package com.chairside.order.accounts;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The accounts order-service knows, fed by {@code AccountOpened} events. An account opened a moment ago may not have
 * arrived yet; then account-service is asked over HTTP, so that an account manager can order right after converting.
 */
@Component
public class AccountDirectory {

	private static final Logger log = LoggerFactory.getLogger(AccountDirectory.class);

	private final MongoTemplate mongo;

	private final AccountServiceClient accountService;

	AccountDirectory(MongoTemplate mongo, AccountServiceClient accountService) {
		this.mongo = mongo;
		this.accountService = accountService;
	}

	public Optional<KnownAccount> find(String accountId) {
		Optional<KnownAccount> known = known(accountId);
		if (known.isPresent()) {
			return known;
		}
		Optional<KnownAccount> fetched = this.accountService.fetch(accountId);
		fetched.ifPresent((account) -> learn(account.id(), account.name(), account.region(), 0));
		return fetched;
	}

	/** The account as this service's own view knows it, without asking account-service. */
	public Optional<KnownAccount> known(String accountId) {
		return Optional.ofNullable(this.mongo.findById(accountId, KnownAccount.class));
	}

	/** Records an account, unless a newer event about it was applied already. */
	void learn(String id, String name, String region, long sequence) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("sequence").lte(sequence));
		try {
			this.mongo.upsert(olderOrAbsent,
					new Update().set("name", name).set("region", region).set("sequence", sequence), KnownAccount.class);
		}
		catch (DuplicateKeyException ex) {
			log.debug("Account {} already known at a newer sequence", id);
		}
	}

}
