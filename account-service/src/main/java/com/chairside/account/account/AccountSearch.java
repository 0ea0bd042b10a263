package com.chairside.account.account;

import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import com.chairside.platform.search.SearchHit;
import com.chairside.platform.search.SearchIndex;
import com.chairside.platform.search.SearchQuery;
import com.chairside.platform.search.SearchTerms;
import com.chairside.platform.security.CurrentUser;

/**
 * Finding accounts by words of their name, their city (also of the billing and site address), or the e-mail or
 * phone of the account (from its lead) or of a contact. The terms are written into the account's document by every
 * save ({@link Terms}) and given to accounts stored before at start-up; the search is scoped like the list (an
 * account manager: their region only).
 */
@Service
public class AccountSearch implements SmartInitializingSingleton {

	private static final SearchIndex.Source ACCOUNTS = SearchIndex.Source.of("accounts", "version",
			List.of("name", "city", "billingAddress.city", "siteAddress.city", "email", "phone", "contacts.email",
					"contacts.phone", "specialty", "status", "region"),
			AccountSearch::termsOf, AccountSearch::hitOf);

	private final SearchIndex index;

	AccountSearch(MongoTemplate mongo) {
		this.index = new SearchIndex(mongo, ACCOUNTS);
	}

	/** The best accounts for the query among those the user may see. */
	public List<SearchHit> search(SearchQuery query, int size, CurrentUser user) {
		Criteria scope = user.seesAllRegions() ? new Criteria() : Criteria.where("region").is(user.region());
		return this.index.search(query, scope, size);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.index.prepare();
	}

	static SearchTerms termsOf(Document account) {
		SearchTerms terms = new SearchTerms().words(account.getString("name"), 4)
			.words(account.getString("city"), 2)
			.whole(account.getString("email"), 3)
			.digits(account.getString("phone"), 3);
		for (String address : List.of("billingAddress", "siteAddress")) {
			Document at = account.get(address, Document.class);
			if (at != null) {
				terms.words(at.getString("city"), 2);
			}
		}
		for (Document contact : account.getList("contacts", Document.class, List.of())) {
			terms.whole(contact.getString("email"), 3).digits(contact.getString("phone"), 3);
		}
		return terms;
	}

	static SearchHit hitOf(Document account, double score) {
		return new SearchHit("account", account.getString("_id"), account.getString("name"),
				SearchHit.line(account.getString("city"), account.get("specialty"), account.get("status")),
				account.getString("region"), score);
	}

	/** Writes the terms into every account saved; apart, since the mapping layer creates it before the store. */
	@Component
	static class Terms implements BeforeSaveCallback<Account> {

		@Override
		public Account onBeforeSave(Account account, Document document, String collection) {
			ACCOUNTS.withTerms(document);
			return account;
		}

	}

}
