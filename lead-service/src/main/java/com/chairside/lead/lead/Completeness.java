package com.chairside.lead.lead;

import java.util.ArrayList;
import java.util.List;

/** Which fields an accurate CRM record still lacks, and the share it has (0-100). */
public record Completeness(int score, List<String> missing) {

	static Completeness of(Lead lead) {
		List<String> missing = new ArrayList<>();
		check(missing, "kind", lead.kind() != null);
		check(missing, "street", lead.street() != null);
		check(missing, "postalCode", lead.postalCode() != null);
		check(missing, "email", lead.email() != null);
		check(missing, "phone", lead.phone() != null);
		check(missing, "website", lead.website() != null);
		check(missing, "productInterests", !lead.productInterests().isEmpty());
		check(missing, "estimatedValue", lead.estimatedValue() != null);
		check(missing, "expectedDecisionDate", lead.expectedDecisionDate() != null);
		check(missing, "decisionMaker", lead.contacts().stream().anyMatch(Contact::decidesPurchase));
		int checked = 10;
		return new Completeness(100 * (checked - missing.size()) / checked, List.copyOf(missing));
	}

	private static void check(List<String> missing, String field, boolean present) {
		if (!present) {
			missing.add(field);
		}
	}

}
