package com.chairside.lead.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadDetails;
import com.chairside.lead.territory.Territories;
import com.chairside.lead.territory.Territory;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;

/**
 * Region and owner of imported rows, with the importer's rights: an account manager imports into their region and
 * owns the leads; anyone else's rows take the region from the territory rules when not given and an owner from the
 * region's account managers in turn (one counter step per region and batch). One per import run: it keeps the
 * territory rules it has read.
 */
final class ImportPlacer {

	private final CurrentUser user;

	private final boolean accountManager;

	private final Territories territories;

	private final EventFactory events;

	private final Map<String, List<Territory>> rules = new HashMap<>();

	ImportPlacer(CurrentUser user, Territories territories, EventFactory events) {
		this.user = user;
		this.accountManager = user.has(CurrentUser.ACCOUNT_MANAGER);
		this.territories = territories;
		this.events = events;
	}

	/** The row's details in the region it goes to; refused when there is none or it is not the importer's. */
	LeadDetails region(LeadDetails details) {
		String region = details.region();
		if (region == null && !this.accountManager) {
			List<Territory> country = this.rules.computeIfAbsent(details.country(), this.territories::rulesIn);
			region = Territories.regionFor(country, details.postalCode()).orElse(null);
		}
		if (region == null) {
			region = this.user.region();
		}
		if (region == null) {
			throw new IllegalArgumentException("region is not given and no territory rule matches its postal code");
		}
		if (!this.user.canSee(region)) {
			throw new IllegalArgumentException("region " + region + " is not yours to import into");
		}
		return details.inRegion(region);
	}

	/** Captures each lead under its given id. */
	List<Lead> capture(Map<String, LeadDetails> batch, Instant now) {
		Map<String, List<String>> owners = ownersInTurn(batch.values());
		List<Lead> created = new ArrayList<>(batch.size());
		for (Map.Entry<String, LeadDetails> entry : batch.entrySet()) {
			LeadDetails details = entry.getValue();
			List<String> turn = owners.getOrDefault(details.region(), List.of());
			boolean automatic = !turn.isEmpty();
			String owner = automatic ? turn.remove(0) : this.user.id();
			Lead lead = Lead.capture(entry.getKey(), details, owner, automatic, this.user.id(), now);
			lead.stageEvents("lead", lead.id(), this.events);
			created.add(lead);
		}
		return created;
	}

	/** The account managers who get the batch's leads of each region, in turn; none when an account manager imports. */
	private Map<String, List<String>> ownersInTurn(Iterable<LeadDetails> batch) {
		Map<String, List<String>> owners = new HashMap<>();
		if (!this.accountManager) {
			Map<String, Integer> perRegion = new HashMap<>();
			batch.forEach((details) -> perRegion.merge(details.region(), 1, Integer::sum));
			perRegion.forEach((region, count) -> owners.put(region,
					new ArrayList<>(this.territories.nextOwners(region, count))));
		}
		return owners;
	}

}
