package com.chairside.notification.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.persistence.ConditionalWrites;

import tools.jackson.databind.json.JsonMapper;

/**
 * The names and owners of accounts, kept from {@code AccountOpened}, {@code AccountUpdated} (a rename) and
 * {@code AccountOwnerChanged}: order events name the account, not its practice or owner; mails name the practice, and
 * the owner is told of delivery risks and what the rules say. The practices' names are cached per replica
 * ({@link PracticeNames}); owners are read from the store each time.
 */
@Component
public class AccountDirectory {

	private static final Logger log = LoggerFactory.getLogger(AccountDirectory.class);

	/** Practices' names kept per replica: some 3 MB at most. */
	private static final int NAMES_CACHED = 10_000;

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final PracticeNames practiceNames;

	AccountDirectory(MongoTemplate mongo, ConditionalWrites writes, Clock clock, AccountProperties settings) {
		this.mongo = mongo;
		this.writes = writes;
		this.practiceNames = new PracticeNames(clock, settings.namesCacheTtl(), NAMES_CACHED);
	}

	/** Applies an account event if it is newer than what is known of the account; others are ignored. */
	public void apply(IncomingEvent event, JsonMapper json) {
		AccountFacts account = event.dataAs(AccountFacts.class, json);
		String id = (account.accountId() != null) ? account.accountId() : event.subject();
		Update update = new Update().set("sequence", event.sequence());
		if (account.owner() != null) {
			update.set("owner", account.owner());
		}
		String name = account.nameNow();
		if (name != null) {
			update.set("name", name);
		}
		if (account.region() != null) {
			update.set("region", account.region());
		}
		if (event.name().equals("AccountOpened") && account.resellerId() != null) {
			update.set("resellerId", account.resellerId());
		}
		if (this.writes.ifNewer(AccountCard.class, id, event.sequence()).orUpsert().apply(update)) {
			if (name != null) {
				this.practiceNames.keep(id, name, this.practiceNames.stamp());
			}
			log.debug("Account {}: {} applied (seq {})", id, event.name(), event.sequence());
		}
		else {
			log.debug("Account {}: {} seq {} is not newer, ignored", id, event.name(), event.sequence());
		}
	}

	/** The practice's name, when this service has heard of the account. */
	public Optional<String> nameOf(String accountId) {
		return (accountId != null) ? Optional.ofNullable(namesOf(Set.of(accountId)).get(accountId)) : Optional.empty();
	}

	/**
	 * The practices' names of those of the accounts this service has heard of: from the cache, and those it does not
	 * hold (or holds for longer than its ttl) read with one query by id. Accounts not found are read again next time.
	 */
	public Map<String, String> namesOf(Collection<String> accountIds) {
		Map<String, String> names = new HashMap<>();
		this.practiceNames.freshOnes(accountIds, names);
		List<String> missing = accountIds.stream().filter((id) -> !names.containsKey(id)).toList();
		if (missing.isEmpty()) {
			return names;
		}
		PracticeNames.Stamp stamp = this.practiceNames.stamp();
		for (AccountCard card : this.mongo.find(Query.query(Criteria.where("_id").in(missing)), AccountCard.class)) {
			if (card.name() != null) {
				names.put(card.id(), card.name());
				this.practiceNames.keep(card.id(), card.name(), stamp);
			}
		}
		return names;
	}

	public Optional<String> ownerOf(String accountId) {
		return card(accountId).map(AccountCard::owner);
	}

	/** The owner of the reseller account that serves {@code accountId}, when one does. */
	public Optional<String> resellerOwnerOf(String accountId) {
		return card(accountId).map(AccountCard::resellerId).flatMap(this::ownerOf);
	}

	private Optional<AccountCard> card(String accountId) {
		return (accountId != null) ? Optional.ofNullable(this.mongo.findById(accountId, AccountCard.class))
				: Optional.empty();
	}

	/** The fields of AccountOpened, AccountUpdated and AccountOwnerChanged read here. */
	record AccountFacts(String accountId, String name, String region, String owner, String resellerId,
			List<FieldChange> changes) {

		/** The name AccountOpened gives, or the one an AccountUpdated renames the account to; else {@code null}. */
		String nameNow() {
			if (this.name != null && !this.name.isBlank()) {
				return this.name;
			}
			if (this.changes != null) {
				for (FieldChange change : this.changes) {
					if ("name".equals(change.field()) && change.to() != null && !change.to().isBlank()) {
						return change.to();
					}
				}
			}
			return null;
		}

	}

	/** One field of an AccountUpdated. */
	record FieldChange(String field, String to) {
	}

}
