package com.chairside.lead.lead;

import java.time.Clock;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

/** The use cases of prospecting. Every read and write is scoped to what the signed-in user may see. */
@Service
public class LeadManagement {

	private final Leads leads;

	private final EventFactory events;

	private final Clock clock;

	LeadManagement(Leads leads, EventFactory events, Clock clock) {
		this.leads = leads;
		this.events = events;
		this.clock = clock;
	}

	public Lead capture(LeadDetails details, CurrentUser user) {
		if (!user.canSee(details.region())) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Account managers capture leads in their own region");
		}
		return save(Lead.capture(details, user.id(), this.clock.instant()));
	}

	public Lead find(String id, CurrentUser user) {
		Optional<Lead> lead = user.seesAllRegions() ? this.leads.findById(id)
				: this.leads.findByIdAndRegion(id, user.region());
		return lead.orElseThrow(() -> new NotFoundException("Lead", id));
	}

	public Page<Lead> list(String region, LeadStatus status, CurrentUser user, Pageable page) {
		String scope = user.seesAllRegions() ? region : user.region();
		if (scope == null) {
			return (status == null) ? this.leads.findAll(page) : this.leads.findByStatus(status, page);
		}
		return (status == null) ? this.leads.findByRegion(scope, page)
				: this.leads.findByRegionAndStatus(scope, status, page);
	}

	public Contact addContact(String leadId, NewContact contact, CurrentUser user) {
		Lead lead = find(leadId, user);
		Contact added = lead.addContact(contact.name(), contact.title(), contact.email(), contact.phone(),
				contact.buyingRole(), user.id(), this.clock.instant());
		save(lead);
		return added;
	}

	public Lead qualify(String leadId, CurrentUser user) {
		Lead lead = find(leadId, user);
		lead.qualify(user.id(), this.clock.instant());
		return save(lead);
	}

	public Lead convert(String leadId, CurrentUser user) {
		Lead lead = find(leadId, user);
		lead.convert(user.id(), this.clock.instant());
		return save(lead);
	}

	private Lead save(Lead lead) {
		lead.stageEvents("lead", lead.id(), this.events);
		return this.leads.save(lead);
	}

	/** A contact as the account manager enters it. */
	public record NewContact(String name, String title, String email, String phone, BuyingRole buyingRole) {
	}

}
