package com.chairside.account.leads;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What account-service keeps of a lead: that it exists, its region as of the newest lead event applied
 * ({@code sequence}), the account it was converted into (null until then) and the demos booked for it, so that they
 * can follow it without a query over every demo.
 */
@Document("known_leads")
public record KnownLead(@Id String id, String region, String accountId, List<String> demoIds, long sequence) {

	public KnownLead {
		demoIds = (demoIds != null) ? List.copyOf(demoIds) : List.of();
	}

}
