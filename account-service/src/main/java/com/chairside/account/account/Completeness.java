package com.chairside.account.account;

import java.util.ArrayList;
import java.util.List;

/** Which fields an accurate account record still lacks, and the share it has (0-100). */
public record Completeness(int score, List<String> missing) {

	static Completeness of(Account account) {
		List<String> missing = new ArrayList<>();
		check(missing, "kind", account.kind() != null);
		check(missing, "specialty", account.specialty() != null);
		check(missing, "taxId", account.taxId() != null);
		check(missing, "billingAddress", account.billingAddress() != null);
		check(missing, "siteAddress", account.siteAddress() != null);
		check(missing, "decisionMaker",
				account.contacts().stream().anyMatch((c) -> c.buyingRole() == BuyingRole.DECISION_MAKER));
		check(missing, "contactEmail", account.contacts().stream().anyMatch((c) -> c.email() != null));
		check(missing, "contactPhone", account.contacts().stream().anyMatch((c) -> c.phone() != null));
		int checked = 8;
		return new Completeness(100 * (checked - missing.size()) / checked, List.copyOf(missing));
	}

	private static void check(List<String> missing, String field, boolean present) {
		if (!present) {
			missing.add(field);
		}
	}

}
