package com.chairside.lead.lead.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.lead.LeadSearch;
import com.chairside.platform.search.SearchHit;
import com.chairside.platform.search.SearchQuery;
import com.chairside.platform.security.CurrentUser;

/** Lead search, which the gateway's {@code GET /api/search} asks together with the other services'. */
@RestController
class LeadSearchController {

	private final LeadSearch search;

	LeadSearchController(LeadSearch search) {
		this.search = search;
	}

	@Operation(summary = "Find leads by name, city, e-mail or phone",
			description = "Every word of q must match the start of a word of the practice's name or city, an e-mail "
					+ "(the lead's or a contact's) or phone digits, ignoring case, accents and punctuation "
					+ "(\"smi ortho\" finds Smile Orthodontics). Best match first, scored in `score`; an account "
					+ "manager finds only leads of their region. Merged leads are not found.")
	@GetMapping("/api/leads/search")
	Map<String, List<SearchHit>> search(
			@Parameter(description = "the words to find, at most 200 characters") @RequestParam(required = false) String q,
			@Parameter(description = "most results, 1 to 50 (default 20)") @RequestParam(required = false) Integer size) {
		SearchQuery query = SearchQuery.parse(q);
		return Map.of("items", this.search.search(query, SearchQuery.size(size), CurrentUser.get()));
	}

}
