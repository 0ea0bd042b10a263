package com.chairside.lead.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.lead.accounts.AccountService;
import com.chairside.lead.accounts.AccountService.AccountMatch;
import com.chairside.lead.territory.Territories;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;
import com.chairside.platform.web.RuleViolationException;

/** The use cases of prospecting. Every read and write is scoped to what the signed-in user may see. */
@Service
public class LeadManagement {

	private final Leads leads;

	private final MongoTemplate mongo;

	private final Duplicates duplicates;

	private final Territories territories;

	private final EventFactory events;

	private final AccountService accountService;

	private final Clock clock;

	LeadManagement(Leads leads, MongoTemplate mongo, Duplicates duplicates, Territories territories,
			EventFactory events, AccountService accountService, Clock clock) {
		this.leads = leads;
		this.mongo = mongo;
		this.duplicates = duplicates;
		this.territories = territories;
		this.events = events;
		this.accountService = accountService;
		this.clock = clock;
	}

	/**
	 * Captures a lead. An account manager's lead is theirs, in their region; anyone else's gets its region from the
	 * territory rules when none is given, and its owner from the region's account managers in turn.
	 */
	public Lead capture(LeadDetails details, CurrentUser user, boolean allowDuplicate) {
		String id = UUID.randomUUID().toString();
		List<String> claimed = claim(id, details.matchKeys(), allowDuplicate, user);
		try {
			Placement placement = place(details, user);
			return save(Lead.capture(id, placement.details(), placement.owner(), placement.automatic(), user.id(),
					this.clock.instant()));
		}
		catch (RuntimeException ex) {
			this.duplicates.release(id, claimed);
			throw ex;
		}
	}

	/** Where a new lead goes and who owns it; refused when the user may not capture there. */
	public Placement place(LeadDetails details, CurrentUser user) {
		boolean accountManager = user.has(CurrentUser.ACCOUNT_MANAGER);
		String region = details.region();
		if (region == null && !accountManager) {
			region = this.territories.regionFor(details.country(), details.postalCode()).orElse(user.region());
		}
		if (region == null) {
			region = user.region();
		}
		if (region == null) {
			throw new InvalidFieldException("region",
					"is required: no territory rule matches the country and postal code");
		}
		if (!user.canSee(region)) {
			throw new AccessDeniedException("Account managers capture leads in their own region");
		}
		LeadDetails placed = withRegion(details, region);
		if (accountManager) {
			return new Placement(placed, user.id(), false);
		}
		return this.territories.nextOwner(region)
			.map((owner) -> new Placement(placed, owner, true))
			.orElseGet(() -> new Placement(placed, user.id(), false));
	}

	static LeadDetails withRegion(LeadDetails d, String region) {
		return new LeadDetails(d.practiceName(), d.kind(), d.specialty(), region, d.source(), d.conferenceName(),
				d.street(), d.postalCode(), d.city(), d.country(), d.email(), d.phone(), d.website(),
				d.productInterests(), d.estimatedValue(), d.expectedDecisionDate(), d.notes());
	}

	public Lead find(String id, CurrentUser user) {
		// by id alone, the region checked on the lead read (see com.chairside.platform.persistence)
		return this.leads.findById(id)
			.filter((lead) -> user.seesAllRegions() || Objects.equals(lead.region(), user.region()))
			.orElseThrow(() -> new NotFoundException("Lead", id));
	}

	/** Leads of the user's scope, optionally by status and below a completeness score; merged leads are left out. */
	public Page<Lead> list(LeadFilter filter, CurrentUser user, Pageable page) {
		String scope = user.seesAllRegions() ? filter.region() : user.region();
		Criteria criteria = Criteria.where("mergedInto").is(null);
		if (scope != null) {
			criteria.and("region").is(scope);
		}
		if (filter.status() != null) {
			criteria.and("status").is(filter.status());
		}
		if (filter.completenessBelow() != null) {
			criteria.and("completeness").lt(filter.completenessBelow());
		}
		if (filter.missing() != null) {
			criteria.and("missingFields").is(filter.missing());
		}
		if (filter.owner() != null) {
			criteria.and("owner").is(filter.owner());
		}
		Query query = new Query(criteria);
		long total = this.mongo.count(query, Lead.class);
		List<Lead> found = this.mongo.find(query.with(page), Lead.class);
		return new PageImpl<>(found, page, total);
	}

	/**
	 * Claims the match keys; a duplicate the caller may not read (another region's lead) answers without its id, so
	 * that a 409 never tells an account manager what a 404 would hide.
	 */
	private List<String> claim(String leadId, MatchKeys keys, boolean allowDuplicate, CurrentUser user) {
		try {
			return this.duplicates.claim(leadId, keys, allowDuplicate);
		}
		catch (DuplicateLeadException ex) {
			Lead existing = this.mongo.findById(ex.existingId(), Lead.class);
			String region = (existing != null) ? existing.region() : null;
			throw (existing == null || user.canSee(region)) ? ex : ex.elsewhere(region);
		}
	}

	public Lead update(String leadId, LeadDetails changes, CurrentUser user, boolean allowDuplicate) {
		Lead lead = find(leadId, user);
		List<String> before = Duplicates.keysOf(lead.matchKeys());
		List<String> changed = lead.update(changes, user.id(), this.clock.instant());
		if (changed.stream().noneMatch(List.of("practiceName", "postalCode", "email", "phone")::contains)) {
			return save(lead);
		}
		List<String> claimed = claim(lead.id(), lead.matchKeys(), allowDuplicate, user);
		Lead saved;
		try {
			saved = save(lead);
		}
		catch (RuntimeException ex) {
			this.duplicates.release(lead.id(), claimed);
			throw ex;
		}
		List<String> gone = new ArrayList<>(before);
		gone.removeAll(Duplicates.keysOf(saved.matchKeys()));
		this.duplicates.release(lead.id(), gone);
		return saved;
	}

	public Lead assign(String leadId, String owner, CurrentUser user) {
		Lead lead = find(leadId, user);
		this.territories.team(lead.region())
			.filter((team) -> !team.accountManagers().isEmpty() && !team.accountManagers().contains(owner))
			.ifPresent((team) -> {
				throw new InvalidFieldException("owner", "is not an account manager of region " + lead.region());
			});
		lead.assign(owner, user.id(), this.clock.instant());
		return save(lead);
	}

	public Contact addContact(String leadId, NewContact contact, CurrentUser user) {
		Lead lead = find(leadId, user);
		Contact added = lead.addContact(contact.name(), contact.title(), contact.email(), contact.phone(),
				contact.buyingRole(), user.id(), this.clock.instant());
		save(lead);
		return added;
	}

	public Qualification qualification(String leadId, CurrentUser user) {
		return find(leadId, user).qualification(this.clock.instant());
	}

	public Lead qualify(String leadId, CurrentUser user) {
		Lead lead = find(leadId, user);
		lead.qualify(user.id(), this.clock.instant());
		return save(lead);
	}

	public Lead disqualify(String leadId, DisqualificationReason reason, String note, String competitor,
			CurrentUser user) {
		Lead lead = find(leadId, user);
		lead.disqualify(reason, note, competitor, user.id(), this.clock.instant());
		return save(lead);
	}

	/**
	 * Converts the lead into a new account, unless account-service has one for the practice already (same e-mail,
	 * phone, or name and postal code, in the lead's region): then it is refused naming that account, and converting
	 * into it ({@code target.accountId}) or into a new one regardless ({@code target.newAccount}) is the caller's
	 * choice. An account of another region, or unknown, is 404. When account-service cannot be asked, nothing is
	 * converted (503). A converted lead answers its account without asking.
	 */
	public Lead convert(String leadId, ConversionTarget target, CurrentUser user) {
		Lead lead = find(leadId, user);
		lead.ensureConvertible();
		if (lead.status() == LeadStatus.CONVERTED) {
			return lead;
		}
		String existing = null;
		if (target.accountId() != null) {
			existing = this.accountService.account(target.accountId())
				.filter((account) -> lead.region().equals(account.region()))
				.orElseThrow(() -> new NotFoundException("Account", target.accountId()))
				.id();
		}
		else if (!target.newAccount()) {
			List<AccountMatch> matches = this.accountService.matches(lead.email(), lead.phone(), lead.practiceName(),
					lead.postalCode(), lead.region());
			if (!matches.isEmpty()) {
				throw new AccountExistsException(lead.id(), matches);
			}
		}
		lead.convert(existing, user.id(), this.clock.instant());
		return save(lead);
	}

	/** Logs an activity on the lead (published as {@code LeadActivityLogged}). */
	public LeadActivity logActivity(String leadId, NewActivity activity, CurrentUser user) {
		Lead lead = find(leadId, user);
		LeadActivity logged = lead.logActivity(activity.type(), activity.direction(), activity.occurredAt(),
				activity.participants(), activity.summary(), activity.outcome(), activity.nextStep(), user.id(),
				this.clock.instant());
		save(lead);
		return logged;
	}

	/** The lead's activities and field changes, newest first. */
	public List<TimelineEntry> timeline(String leadId, CurrentUser user) {
		Lead lead = find(leadId, user);
		List<TimelineEntry> entries = new ArrayList<>();
		lead.activities().forEach((a) -> entries.add(new TimelineEntry("ACTIVITY", a.occurredAt(), a, null)));
		lead.history().forEach((c) -> entries.add(new TimelineEntry("CHANGE", c.at(), null, c)));
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries;
	}

	/**
	 * Merges {@code duplicateId} into {@code survivorId}. The survivor is saved first (with its event); should the
	 * duplicate's save then fail, repeating the merge completes it. Then the survivor takes over the match keys it
	 * now has and the duplicate's others are released.
	 */
	public Lead merge(String survivorId, String duplicateId, CurrentUser user) {
		Lead survivor = find(survivorId, user);
		Lead duplicate = find(duplicateId, user);
		if (!survivor.region().equals(duplicate.region())) {
			throw new RuleViolationException("MERGE_ACROSS_REGIONS", "Both leads must belong to the same region");
		}
		Instant now = this.clock.instant();
		MatchKeys duplicateKeys = duplicate.matchKeys();
		survivor.absorb(duplicate, user.id(), now);
		Lead saved = save(survivor);
		save(duplicate);
		this.duplicates.handOver(duplicate.id(), duplicateKeys, saved.id(), saved.matchKeys());
		return saved;
	}

	/** The field history of the lead, including that of the leads merged into it. */
	public List<FieldChange> history(String leadId, CurrentUser user) {
		return new ArrayList<>(find(leadId, user).history());
	}

	private Lead save(Lead lead) {
		lead.stageEvents("lead", lead.id(), this.events);
		return this.leads.save(lead);
	}

	/** Where a conversion goes: the practice's existing account, or a new one even if the practice has one. */
	public record ConversionTarget(String accountId, boolean newAccount) {
	}

	/** An activity as the account manager logs it; {@code nextStep} is null when none was agreed. */
	public record NewActivity(ActivityType type, Direction direction, Instant occurredAt, List<String> participants,
			String summary, String outcome, LeadActivity.NextStep nextStep) {
	}

	/** One entry of a lead's timeline: an activity ({@code ACTIVITY}) or a field change ({@code CHANGE}). */
	public record TimelineEntry(String kind, Instant at, LeadActivity activity, FieldChange change) {
	}

	/** A contact as the account manager enters it. */
	public record NewContact(String name, String title, String email, String phone, BuyingRole buyingRole) {
	}

	/** Where a new lead is placed: its details with the region settled, its owner, and whether that was automatic. */
	public record Placement(LeadDetails details, String owner, boolean automatic) {
	}

	public record LeadFilter(String region, LeadStatus status, Integer completenessBelow, String missing, String owner) {
	}

}
