package com.chairside.lead.lead;

import java.util.List;

import com.chairside.lead.accounts.AccountService.AccountMatch;

/** The lead's practice has an account already: convert into it, or ask for a new account explicitly. */
public class AccountExistsException extends RuntimeException {

	private final transient List<AccountMatch> matches;

	AccountExistsException(String leadId, List<AccountMatch> matches) {
		super("The practice of lead " + leadId + " has an account already (" + matches.get(0).accountId()
				+ "); convert into it with {\"accountId\":...} or into a new one with {\"newAccount\":true}");
		this.matches = List.copyOf(matches);
	}

	/** The accounts that match, most keys matched first. */
	public List<AccountMatch> matches() {
		return this.matches;
	}

}
