package com.chairside.order.order.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.order.OrderSearch;
import com.chairside.platform.search.SearchHit;
import com.chairside.platform.search.SearchQuery;
import com.chairside.platform.security.CurrentUser;

/** Order search, which the gateway's {@code GET /api/search} asks together with the other services'. */
@RestController
class OrderSearchController {

	private final OrderSearch search;

	OrderSearchController(OrderSearch search) {
		this.search = search;
	}

	@Operation(summary = "Find orders by number or by their practice's name",
			description = "q is an order number (SO-2026-000042, so2026000042, or the start of either) or words "
					+ "matching the start of words of the practice's name, ignoring case, accents and punctuation. "
					+ "Best match first, scored in `score`; titled by number and practice. An account manager finds "
					+ "only orders of their region.")
	@GetMapping("/api/orders/search")
	Map<String, List<SearchHit>> search(
			@Parameter(description = "the words to find, at most 200 characters") @RequestParam(required = false) String q,
			@Parameter(description = "most results, 1 to 50 (default 20)") @RequestParam(required = false) Integer size) {
		SearchQuery query = SearchQuery.parse(q);
		return Map.of("items", this.search.search(query, SearchQuery.size(size), CurrentUser.get()));
	}

}
