package com.chairside.account.account.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.account.AccountSearch;
import com.chairside.platform.search.SearchHit;
import com.chairside.platform.search.SearchQuery;
import com.chairside.platform.security.CurrentUser;

/** Account search, which the gateway's {@code GET /api/search} asks together with the other services'. */
@RestController
class AccountSearchController {

	private final AccountSearch search;

	AccountSearchController(AccountSearch search) {
		this.search = search;
	}

	@Operation(summary = "Find accounts by name, city, or a contact's e-mail or phone",
			description = "Every word of q must match the start of a word of the account's name or city (also of "
					+ "its billing and site address), a contact's e-mail or phone digits, ignoring case, accents and "
					+ "punctuation. Best match first, scored in `score`; an account manager finds only accounts of "
					+ "their region.")
	@GetMapping("/api/accounts/search")
	Map<String, List<SearchHit>> search(
			@Parameter(description = "the words to find, at most 200 characters") @RequestParam(required = false) String q,
			@Parameter(description = "most results, 1 to 50 (default 20)") @RequestParam(required = false) Integer size) {
		SearchQuery query = SearchQuery.parse(q);
		return Map.of("items", this.search.search(query, SearchQuery.size(size), CurrentUser.get()));
	}

}
