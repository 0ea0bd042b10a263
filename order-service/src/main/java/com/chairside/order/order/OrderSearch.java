package com.chairside.order.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import com.chairside.order.accounts.KnownAccountTerms;
import com.chairside.platform.search.SearchHit;
import com.chairside.platform.search.SearchIndex;
import com.chairside.platform.search.SearchQuery;
import com.chairside.platform.search.SearchTerms;
import com.chairside.platform.security.CurrentUser;

/**
 * Finding orders by their number ({@code SO-2026-000042}, whole, without dashes, or its digits) or by their
 * practice's name. An order's own terms hold its number and are written by every save ({@link Terms}); the name is
 * matched on the known accounts (whose terms move with each rename, so a renamed practice finds its orders at once)
 * and their orders are read by account id. Both reads carry the region rule, as the order list does.
 */
@Service
public class OrderSearch {

	private static final List<String> ORDER_FIELDS = List.of("number", "accountId", "status", "total", "region");

	private static final SearchIndex.Source ORDERS = SearchIndex.Source.of("orders", "version", ORDER_FIELDS,
			OrderSearch::termsOf, (order, score) -> hitOf(order, null, score));

	private final MongoTemplate mongo;

	private final SearchIndex orders;

	private final SearchIndex accounts;

	OrderSearch(MongoTemplate mongo) {
		this.mongo = mongo;
		this.orders = new SearchIndex(mongo, ORDERS);
		this.accounts = new SearchIndex(mongo, KnownAccountTerms.SOURCE);
	}

	/** The best orders for the query among those the user may see. */
	public List<SearchHit> search(SearchQuery query, int size, CurrentUser user) {
		Criteria scope = user.seesAllRegions() ? new Criteria() : Criteria.where("region").is(user.region());
		Map<String, SearchHit> byName = new HashMap<>();
		this.accounts.score(this.accounts.candidates(query, scope), query)
			.forEach((account) -> byName.put(account.id(), account));

		Map<String, Document> found = new LinkedHashMap<>();
		this.orders.candidates(query, scope).forEach((order) -> found.put(order.getString("_id"), order));
		if (!byName.isEmpty()) {
			this.orders.candidates(Criteria.where("accountId").in(byName.keySet()), scope)
				.forEach((order) -> found.putIfAbsent(order.getString("_id"), order));
		}
		Map<String, String> names = namesOf(found.values(), byName);
		List<SearchHit> hits = new ArrayList<>();
		for (Document order : found.values()) {
			SearchHit account = byName.get(order.getString("accountId"));
			double score = Math.max(termsOf(order).score(query), (account != null) ? account.score() : 0);
			if (score > 0) {
				hits.add(hitOf(order, names.get(order.getString("accountId")), score));
			}
		}
		return SearchIndex.best(hits, size);
	}

	/** The practice names of the orders' accounts: those matched already, the others read by id. */
	private Map<String, String> namesOf(Iterable<Document> orders, Map<String, SearchHit> matched) {
		Map<String, String> names = new HashMap<>();
		matched.values().forEach((account) -> names.put(account.id(), account.title()));
		List<Object> missing = new ArrayList<>();
		orders.forEach((order) -> {
			if (!names.containsKey(order.getString("accountId"))) {
				missing.add(order.getString("accountId"));
			}
		});
		if (!missing.isEmpty()) {
			Query byId = Query.query(Criteria.where("_id").in(missing));
			byId.fields().include("name");
			this.mongo.find(byId, Document.class, KnownAccountTerms.SOURCE.collection())
				.forEach((account) -> names.put(account.getString("_id"), account.getString("name")));
		}
		return names;
	}

	/**
	 * Gives orders and known accounts stored before search their terms once the service is ready: after the store
	 * upgrade at start, which numbers old orders with a plain update.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		this.orders.prepare();
		this.accounts.prepare();
	}

	static SearchTerms termsOf(Document order) {
		String number = order.getString("number");
		return new SearchTerms().whole(number, 5).digits(number, 3);
	}

	/** Named by its number and practice, as people name an order; the id only when neither is known yet. */
	static SearchHit hitOf(Document order, String practice, double score) {
		String number = order.getString("number");
		String title = (number != null) ? SearchHit.line(number, practice)
				: (practice != null) ? "Order for " + practice : "Order " + order.getString("_id");
		Document total = order.get("total", Document.class);
		String amount = (total != null) ? SearchHit.line(total.get("amount"), total.get("currency")).replace(" · ", " ")
				: null;
		return new SearchHit("order", order.getString("_id"), title, SearchHit.line(order.get("status"), amount),
				order.getString("region"), score);
	}

	/** Writes the terms into every order saved; apart, since the mapping layer creates it before the store. */
	@Component
	static class Terms implements BeforeSaveCallback<Order> {

		@Override
		public Order onBeforeSave(Order order, Document document, String collection) {
			ORDERS.withTerms(document);
			return order;
		}

	}

}
