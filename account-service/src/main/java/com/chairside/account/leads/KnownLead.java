package com.chairside.account.leads;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What account-service keeps of a lead: that it exists, its region as of the newest lead event applied
 * ({@code sequence}), the account it was converted into (null until then) and the demos booked for it, so that they
 * can follow it without a query over every demo.
 */
@Document("known_leads")
// no constraint beyond the _id's: a compare-and-set on {_id, sequence} is answered from an index (LeadDirectory)
@CompoundIndex(name = "id_sequence", def = "{'_id': 1, 'sequence': 1}", unique = true)
public record KnownLead(@Id String id, String region, String accountId, List<String> demoIds, long sequence) {

	public KnownLead {
		demoIds = (demoIds != null) ? List.copyOf(demoIds) : List.of();
	}

}
