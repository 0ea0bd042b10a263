package com.chairside.order.accounts;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

import com.chairside.platform.search.SearchHit;
import com.chairside.platform.search.SearchIndex;
import com.chairside.platform.search.SearchTerms;

/**
 * The search terms of the known accounts (words of the practice's name), so that orders are found by their
 * practice's name: written when an account is learnt ({@link AccountDirectory}'s inserts here, its updates itself)
 * and renamed, and given to accounts known before at start-up.
 */
@Component
public class KnownAccountTerms implements BeforeSaveCallback<KnownAccount> {

	/** The known accounts as a search source; a hit names the account itself. */
	public static final SearchIndex.Source SOURCE = SearchIndex.Source.of("known_accounts", "sequence",
			List.of("name", "region"), KnownAccountTerms::termsOf,
			(account, score) -> new SearchHit("account", account.getString("_id"), account.getString("name"), null,
					account.getString("region"), score));

	static SearchTerms termsOf(Document account) {
		return new SearchTerms().words(account.getString("name"), 4);
	}

	/** The terms of an account of this name, as stored. */
	static List<String> of(String name) {
		return termsOf(new Document("name", name)).terms();
	}

	@Override
	public KnownAccount onBeforeSave(KnownAccount account, Document document, String collection) {
		SOURCE.withTerms(document);
		return account;
	}

}
