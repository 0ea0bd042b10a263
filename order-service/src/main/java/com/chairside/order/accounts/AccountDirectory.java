package com.chairside.order.accounts;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.persistence.ConditionalWrites;
import com.chairside.platform.persistence.SequencedWrite;
import com.chairside.platform.search.SearchTerms;

/**
 * The accounts order-service knows, fed by account-service's events ({@code AccountOpened}, renames, status changes).
 * An account opened a moment ago may not have arrived yet; then account-service is asked over HTTP, so that an account
 * manager can order right after converting.
 * <p>
 * An account that is known is open: account-service has no closed state (a prospect, a customer and a dormant
 * customer all order), so the view keeps the status to show it, not to refuse orders.
 */
@Component
public class AccountDirectory {

	private static final Logger log = LoggerFactory.getLogger(AccountDirectory.class);

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final AccountServiceClient accountService;

	AccountDirectory(MongoTemplate mongo, ConditionalWrites writes, AccountServiceClient accountService) {
		this.mongo = mongo;
		this.writes = writes;
		this.accountService = accountService;
	}

	public Optional<KnownAccount> find(String accountId) {
		Optional<KnownAccount> known = known(accountId);
		if (known.isPresent()) {
			return known;
		}
		Optional<KnownAccount> fetched = this.accountService.fetch(accountId);
		fetched.ifPresent((account) -> learn(account.id(), account.name(), account.region(), account.status(), 0));
		return fetched;
	}

	/** The account as this service's own view knows it, without asking account-service. */
	public Optional<KnownAccount> known(String accountId) {
		return Optional.ofNullable(this.mongo.findById(accountId, KnownAccount.class));
	}

	/** Records an account, unless a newer event about it was applied already. */
	void learn(String id, String name, String region, String status, long sequence) {
		Update update = new Update().set("name", name).set("region", region).set("status", status)
			.set("sequence", sequence)
			.set(SearchTerms.FIELD, KnownAccountTerms.of(name));
		if (!applyIfNewer(id, sequence, new KnownAccount(id, name, region, status, sequence), update)) {
			log.debug("Account {} already known at a newer sequence", id);
		}
	}

	/** A known account's new name, unless a newer event about it was applied already. */
	void rename(String id, String name, long sequence) {
		if (!applyIfNewer(id, sequence, null, new Update().set("name", name)
			.set(SearchTerms.FIELD, KnownAccountTerms.of(name))
			.set("sequence", sequence))) {
			log.debug("Account {}: rename of sequence {} not applied (unknown here, or older than what is known)", id,
					sequence);
		}
	}

	/** A known account's new status (PROSPECT, CUSTOMER, DORMANT: each may order), unless a newer event was applied. */
	void statusChanged(String id, String status, long sequence) {
		applyNewer(id, "status", status, sequence);
	}

	private void applyNewer(String id, String field, String value, long sequence) {
		if (!applyIfNewer(id, sequence, null, new Update().set(field, value).set("sequence", sequence))) {
			log.debug("Account {}: {} of sequence {} not applied (unknown here, or older than what is known)", id,
					field, sequence);
		}
	}

	/**
	 * Applies the update when the event is newer than what is known of the account ({@link ConditionalWrites#ifNewer}).
	 * An account learnt ({@code whenAbsent} given) is inserted when not known yet and also applies at the sequence
	 * already known (a fetched account comes at 0); a change applies to a known account only, and only when newer.
	 */
	private boolean applyIfNewer(String id, long sequence, KnownAccount whenAbsent, Update update) {
		SequencedWrite<KnownAccount> write = this.writes.ifNewer(KnownAccount.class, id, sequence);
		return ((whenAbsent != null) ? write.orInsert(whenAbsent).orSameSequence() : write).apply(update);
	}

}
