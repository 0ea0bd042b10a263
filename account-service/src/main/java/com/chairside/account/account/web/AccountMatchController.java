package com.chairside.account.account.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.account.AccountManagement;
import com.chairside.account.account.AccountManagement.PracticeMatch;
import com.chairside.account.account.AccountStatus;
import com.chairside.platform.security.CurrentUser;

/** Which accounts a practice already has: lead-service asks before it converts a lead into a new account. */
@RestController
class AccountMatchController {

	private final AccountManagement accounts;

	AccountMatchController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** Free-text filters, matched literally on their normalised keys: a value that is no practice's matches nothing. */
	@GetMapping("/api/accounts/matches")
	@Operation(summary = "Accounts that are the practice described",
			description = "The accounts of the caller's region (narrowed to region when given; a region the caller"
					+ " may not see matches nothing) with the same e-mail or phone (the practice's or a contact's;"
					+ " case and punctuation aside, phones by their digits) or the same name and postal code (accents,"
					+ " punctuation, titles and legal forms aside), most keys matched first; items is empty when"
					+ " nothing matches. lead-service asks this synchronously, with the caller's token, before it"
					+ " converts a lead into a new account.")
	Map<String, Object> matches(
			@Parameter(description = "The practice's e-mail") @RequestParam(required = false) String email,
			@Parameter(description = "The practice's phone") @RequestParam(required = false) String phone,
			@Parameter(description = "The practice's name, matched together with postalCode")
			@RequestParam(required = false) String name,
			@Parameter(description = "The practice's postal code") @RequestParam(required = false) String postalCode,
			@Parameter(description = "Only accounts of this region") @RequestParam(required = false) String region) {
		List<MatchView> items = this.accounts.matches(email, phone, name, postalCode, region, CurrentUser.get())
			.stream()
			.map(MatchView::of)
			.toList();
		return Map.of("items", items, "total", items.size());
	}

	/** An account that matched, and on which keys: {@code EMAIL}, {@code PHONE}, {@code NAME_AND_POSTAL_CODE}. */
	record MatchView(String accountId, String name, String region, String owner, AccountStatus status,
			List<String> matchedOn) {

		static MatchView of(PracticeMatch match) {
			return new MatchView(match.account().id(), match.account().name(), match.account().region(),
					match.account().owner(), match.account().status(), match.matchedOn());
		}

	}

}
