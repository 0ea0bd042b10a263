package com.chairside.lead.lead;

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
 * Finding leads by what people remember: words of the practice's name, the city, an e-mail or phone of the lead or
 * of a contact. The terms are written into the lead's document by every save and insert (this callback, so capture,
 * update, merge and import alike), and given to leads stored before at start-up; the search is scoped like the list.
 */
@Service
public class LeadSearch implements SmartInitializingSingleton {

	private static final SearchIndex.Source LEADS = SearchIndex.Source.of("leads", "version",
			List.of("practiceName", "city", "email", "phone", "contacts.email", "contacts.phone", "specialty", "status",
					"region"),
			LeadSearch::termsOf, LeadSearch::hitOf);

	private final SearchIndex index;

	LeadSearch(MongoTemplate mongo) {
		this.index = new SearchIndex(mongo, LEADS);
	}

	/** The best leads for the query among those the user may see; merged leads are left out. */
	public List<SearchHit> search(SearchQuery query, int size, CurrentUser user) {
		Criteria scope = Criteria.where("mergedInto").is(null);
		if (!user.seesAllRegions()) {
			scope.and("region").is(user.region());
		}
		return this.index.search(query, scope, size);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.index.prepare();
	}

	static SearchTerms termsOf(Document lead) {
		SearchTerms terms = new SearchTerms().words(lead.getString("practiceName"), 4)
			.words(lead.getString("city"), 2)
			.whole(lead.getString("email"), 3)
			.digits(lead.getString("phone"), 3);
		for (Document contact : lead.getList("contacts", Document.class, List.of())) {
			terms.whole(contact.getString("email"), 3).digits(contact.getString("phone"), 3);
		}
		return terms;
	}

	static SearchHit hitOf(Document lead, double score) {
		return new SearchHit("lead", lead.getString("_id"), lead.getString("practiceName"),
				SearchHit.line(lead.getString("city"), lead.get("specialty"), lead.get("status")),
				lead.getString("region"), score);
	}

	/** Writes the terms into every lead saved or inserted; apart, since the mapping layer creates it before the store. */
	@Component
	static class Terms implements BeforeSaveCallback<Lead> {

		@Override
		public Lead onBeforeSave(Lead lead, Document document, String collection) {
			LEADS.withTerms(document);
			return lead;
		}

	}

}
