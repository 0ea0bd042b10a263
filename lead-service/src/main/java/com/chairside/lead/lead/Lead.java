package com.chairside.lead.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.RuleViolationException;

/**
 * A dental practice or organisation being prospected. The lead guards its own lifecycle (qualified only through the
 * BANT gate, converted only once qualified), keeps the history of its fields, and each step raises the event that
 * tells the others. Its normalised {@link MatchKeys} are stored with it; duplicates are found through the claims on
 * them ({@link Duplicates}), never by querying leads.
 */
@Document("leads")
@CompoundIndex(name = "region_newest", def = "{'region': 1, 'capturedAt': -1}")
public class Lead extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	private String practiceName;

	private LeadKind kind;

	private Specialty specialty;

	/** Indexed with the capture time: a region's leads are listed newest first. */
	private String region;

	private LeadSource source;

	private String conferenceName;

	private String street;

	private String postalCode;

	private String city;

	private String country;

	private String email;

	private String phone;

	private String website;

	private Set<ProductInterest> productInterests = new LinkedHashSet<>();

	private Money estimatedValue;

	private LocalDate expectedDecisionDate;

	private String notes;

	private String owner;

	private LeadStatus status;

	private List<Contact> contacts = new ArrayList<>();

	private List<LeadActivity> activities = new ArrayList<>();

	private String accountId;

	/** Whether the lead was converted into an account its practice had already, rather than opening one. */
	private boolean convertedIntoExistingAccount;

	private DisqualificationReason disqualificationReason;

	private String disqualificationNote;

	/** Who the lead was lost to, when the reason is {@link DisqualificationReason#BOUGHT_FROM_COMPETITOR}. */
	private String competitor;

	private MatchKeys matchKeys;

	private int completeness;

	private List<String> missingFields = new ArrayList<>();

	private String mergedInto;

	private List<FieldChange> history = new ArrayList<>();

	private Instant capturedAt;

	private Instant updatedAt;

	protected Lead() {
	}

	/**
	 * @param automatic whether the owner was chosen by the territory rules rather than being the capturer; an
	 * automatic assignment is announced with its own event
	 */
	public static Lead capture(LeadDetails details, String owner, boolean automatic, String by, Instant now) {
		return capture(UUID.randomUUID().toString(), details, owner, automatic, by, now);
	}

	/** As {@link #capture(LeadDetails, String, boolean, String, Instant)}, under an id the caller derived. */
	public static Lead capture(String id, LeadDetails details, String owner, boolean automatic, String by,
			Instant now) {
		Lead lead = new Lead();
		lead.id = id;
		lead.practiceName = details.practiceName();
		lead.kind = details.kind();
		lead.specialty = details.specialty();
		lead.region = details.region();
		lead.source = details.source();
		lead.conferenceName = Normalized.text(details.conferenceName());
		lead.street = Normalized.text(details.street());
		lead.postalCode = Normalized.postalCode(details.postalCode());
		lead.city = details.city();
		lead.country = details.country();
		lead.email = Normalized.email(details.email());
		lead.phone = Normalized.phone(details.phone());
		lead.website = Normalized.text(details.website());
		lead.productInterests = new LinkedHashSet<>(
				(details.productInterests() != null) ? details.productInterests() : Set.of());
		lead.estimatedValue = details.estimatedValue();
		lead.expectedDecisionDate = details.expectedDecisionDate();
		lead.notes = details.notes();
		lead.owner = owner;
		lead.status = LeadStatus.NEW;
		lead.capturedAt = now;
		lead.updatedAt = now;
		lead.refresh();
		lead.raise(new LeadCaptured(lead.id, lead.practiceName, lead.kind, lead.specialty, lead.region, lead.source,
				lead.conferenceName, lead.city, lead.country, lead.productInterests, lead.estimatedValue, owner, now));
		if (automatic) {
			lead.raise(new LeadAssigned(lead.id, lead.region, owner, null, "AUTOMATIC", by, now));
		}
		return lead;
	}

	/**
	 * Applies the given values (null = unchanged), records each real change in the field history and announces the
	 * changed fields. Answers the names of the changed fields, empty when nothing changed.
	 */
	public List<String> update(LeadDetails changes, String by, Instant now) {
		ensureOpen();
		List<String> changed = new ArrayList<>();
		this.practiceName = change(changed, "practiceName", this.practiceName, changes.practiceName(), by, now);
		this.kind = change(changed, "kind", this.kind, changes.kind(), by, now);
		this.specialty = change(changed, "specialty", this.specialty, changes.specialty(), by, now);
		this.source = change(changed, "source", this.source, changes.source(), by, now);
		this.conferenceName = change(changed, "conferenceName", this.conferenceName,
				Normalized.text(changes.conferenceName()), by, now);
		this.street = change(changed, "street", this.street, Normalized.text(changes.street()), by, now);
		this.postalCode = change(changed, "postalCode", this.postalCode, Normalized.postalCode(changes.postalCode()),
				by, now);
		this.city = change(changed, "city", this.city, changes.city(), by, now);
		this.country = change(changed, "country", this.country, changes.country(), by, now);
		this.email = change(changed, "email", this.email, Normalized.email(changes.email()), by, now);
		this.phone = change(changed, "phone", this.phone, Normalized.phone(changes.phone()), by, now);
		this.website = change(changed, "website", this.website, Normalized.text(changes.website()), by, now);
		Set<ProductInterest> interests = (changes.productInterests() != null)
				? new LinkedHashSet<>(changes.productInterests()) : null;
		this.productInterests = change(changed, "productInterests", this.productInterests, interests, by, now);
		this.estimatedValue = change(changed, "estimatedValue", this.estimatedValue, changes.estimatedValue(), by, now);
		this.expectedDecisionDate = change(changed, "expectedDecisionDate", this.expectedDecisionDate,
				changes.expectedDecisionDate(), by, now);
		this.notes = change(changed, "notes", this.notes, changes.notes(), by, now);
		if (!changed.isEmpty()) {
			this.updatedAt = now;
			refresh();
			raise(new LeadUpdated(this.id, this.region, List.copyOf(changed), this.source, this.conferenceName, by,
					now));
		}
		return changed;
	}

	/** Gives the lead to another account manager of its region; giving it to its owner changes nothing. */
	public void assign(String newOwner, String by, Instant now) {
		ensureOpen();
		if (Objects.equals(this.owner, newOwner)) {
			return;
		}
		String previous = this.owner;
		this.owner = change(new ArrayList<>(), "owner", previous, newOwner, by, now);
		this.updatedAt = now;
		raise(new LeadAssigned(this.id, this.region, newOwner, previous, "MANUAL", by, now));
	}

	/** Adds a contact; a decision maker is announced, since it opens the way to qualification. */
	public Contact addContact(String name, String title, String email, String phone, BuyingRole role, String by,
			Instant now) {
		ensureOpen();
		if (this.status == LeadStatus.DISQUALIFIED) {
			throw new RuleViolationException("LEAD_CLOSED", "Lead " + this.id + " is " + this.status);
		}
		Contact contact = new Contact(UUID.randomUUID().toString(), name, title, Normalized.email(email),
				Normalized.phone(phone), role);
		this.contacts.add(contact);
		if (this.status == LeadStatus.NEW) {
			setStatus(LeadStatus.CONTACTED, by, now);
		}
		this.updatedAt = now;
		refresh();
		if (contact.decidesPurchase()) {
			raise(new DecisionMakerIdentified(this.id, contact.id(), role, this.region, by, now));
		}
		return contact;
	}

	/**
	 * Logs a call, visit, meeting... with the practice; account-service learns it from the event (its next step is
	 * the owner's to keep) and puts it on the account's timeline when the lead is converted.
	 */
	public LeadActivity logActivity(ActivityType type, Direction direction, Instant occurredAt,
			List<String> participants, String summary, String outcome, LeadActivity.NextStep nextStep, String by,
			Instant now) {
		ensureOpen();
		LeadActivity activity = new LeadActivity(UUID.randomUUID().toString(), type, direction, occurredAt,
				(participants != null) ? List.copyOf(participants) : List.of(), summary, outcome, nextStep, by, now);
		this.activities.add(activity);
		this.updatedAt = now;
		raise(LeadActivityLogged.of(this.id, this.region, this.owner, activity));
		return activity;
	}

	/** The BANT score of the lead as it stands. */
	public Qualification qualification(Instant now) {
		return Qualification.of(this, LocalDate.ofInstant(now, ZoneOffset.UTC));
	}

	/**
	 * Qualifies the lead; refused with what is missing while budget, authority or need is unknown. Qualifying twice
	 * changes nothing.
	 */
	public void qualify(String by, Instant now) {
		if (this.status == LeadStatus.QUALIFIED) {
			return;
		}
		ensureOpen();
		if (this.status == LeadStatus.DISQUALIFIED) {
			throw new RuleViolationException("LEAD_CLOSED", "Lead " + this.id + " is " + this.status);
		}
		Qualification bant = qualification(now);
		if (!bant.passesGate()) {
			throw new QualificationGateException(bant);
		}
		setStatus(LeadStatus.QUALIFIED, by, now);
		this.updatedAt = now;
		raise(new LeadQualified(this.id, this.region, this.specialty, this.estimatedValue, bant.score(), by, now));
	}

	/**
	 * Stops pursuing the lead, with a reason from the list, a note and, when it was lost to a competitor, which one;
	 * disqualifying twice changes nothing.
	 */
	public void disqualify(DisqualificationReason reason, String note, String competitor, String by, Instant now) {
		if (this.status == LeadStatus.DISQUALIFIED) {
			return;
		}
		ensureOpen();
		this.disqualificationReason = reason;
		this.disqualificationNote = note;
		this.competitor = competitor;
		setStatus(LeadStatus.DISQUALIFIED, by, now);
		this.updatedAt = now;
		raise(new LeadDisqualified(this.id, this.region, reason, by, now, competitor));
	}

	/** Refused unless the lead is qualified (and not merged); a converted lead passes, converting it changes nothing. */
	public void ensureConvertible() {
		if (this.status == LeadStatus.CONVERTED) {
			return;
		}
		if (this.status != LeadStatus.QUALIFIED || this.mergedInto != null) {
			throw new RuleViolationException("LEAD_NOT_QUALIFIED",
					"Only a qualified lead can be converted; lead " + this.id + " is " + this.status);
		}
	}

	/**
	 * Converts the qualified lead into an account: a new one, whose id is chosen here so the caller can follow it at
	 * once ({@code existingAccountId} null), or the account the practice has already. account-service opens the
	 * account, or adds to it, from the event, which carries the contacts. Converting twice answers the same account.
	 */
	public String convert(String existingAccountId, String by, Instant now) {
		ensureConvertible();
		if (this.status == LeadStatus.CONVERTED) {
			return this.accountId;
		}
		this.accountId = (existingAccountId != null) ? existingAccountId : UUID.randomUUID().toString();
		this.convertedIntoExistingAccount = existingAccountId != null;
		setStatus(LeadStatus.CONVERTED, by, now);
		this.updatedAt = now;
		raise(new LeadConverted(this.id, this.accountId, this.practiceName, this.kind, this.specialty, this.region,
				this.street, this.postalCode, this.city, this.country, this.email, this.phone, this.website, this.owner,
				by, now, this.contacts.stream().map(LeadConverted.ConvertedContact::of).toList(),
				existingAccountId != null));
		return this.accountId;
	}

	/**
	 * Takes the duplicate into this lead: values this lead lacks, the duplicate's contacts and its whole history; the
	 * duplicate is marked as merged and is no longer listed or matched.
	 */
	public void absorb(Lead duplicate, String by, Instant now) {
		ensureOpen();
		duplicate.ensureOpen();
		if (duplicate.id.equals(this.id)) {
			throw new RuleViolationException("MERGE_SAME_LEAD", "A lead cannot be merged into itself");
		}
		if (duplicate.status == LeadStatus.CONVERTED) {
			throw new RuleViolationException("LEAD_CLOSED", "Lead " + duplicate.id + " is converted; merge it the other way");
		}
		LeadDetails missing = new LeadDetails(null, fill(this.kind, duplicate.kind), null, null, null,
				fill(this.conferenceName, duplicate.conferenceName), fill(this.street, duplicate.street),
				fill(this.postalCode, duplicate.postalCode), null, null, fill(this.email, duplicate.email),
				fill(this.phone, duplicate.phone), fill(this.website, duplicate.website),
				this.productInterests.isEmpty() ? duplicate.productInterests : null,
				fill(this.estimatedValue, duplicate.estimatedValue),
				fill(this.expectedDecisionDate, duplicate.expectedDecisionDate), null);
		update(missing, by, now);
		this.history.addAll(duplicate.history);
		for (Contact contact : duplicate.contacts) {
			if (this.contacts.stream().noneMatch((c) -> c.id().equals(contact.id()))) {
				this.contacts.add(contact);
			}
		}
		for (LeadActivity activity : duplicate.activities) {
			if (this.activities.stream().noneMatch((a) -> a.id().equals(activity.id()))) {
				this.activities.add(activity);
			}
		}
		this.history.sort((a, b) -> a.at().compareTo(b.at()));
		this.updatedAt = now;
		refresh();
		raise(new LeadsMerged(this.id, duplicate.id, this.region, by, now));
		duplicate.mergedInto = this.id;
		duplicate.history.add(new FieldChange(duplicate.id, "mergedInto", null, this.id, by, now));
		duplicate.updatedAt = now;
		duplicate.matchKeys = null;
	}

	private static <T> T fill(T mine, T theirs) {
		return (mine == null) ? theirs : null;
	}

	private void ensureOpen() {
		if (this.mergedInto != null) {
			throw new RuleViolationException("LEAD_MERGED", "Lead " + this.id + " was merged into " + this.mergedInto);
		}
		if (this.status == LeadStatus.CONVERTED) {
			throw new RuleViolationException("LEAD_CLOSED",
					"Lead " + this.id + " is " + this.status + "; change its account instead");
		}
	}

	private void setStatus(LeadStatus next, String by, Instant now) {
		this.history.add(new FieldChange(this.id, "status", String.valueOf(this.status), next.name(), by, now));
		this.status = next;
	}

	private <T> T change(List<String> changed, String field, T current, T next, String by, Instant now) {
		if (next == null || next.equals(current)) {
			return current;
		}
		changed.add(field);
		Function<Object, String> text = (value) -> (value != null) ? value.toString() : null;
		this.history.add(new FieldChange(this.id, field, text.apply(current), text.apply(next), by, now));
		return next;
	}

	/** Recomputes what is derived and stored for queries: match keys and completeness. */
	private void refresh() {
		this.matchKeys = MatchKeys.of(this.email, this.phone, this.practiceName, this.postalCode);
		Completeness complete = Completeness.of(this);
		this.completeness = complete.score();
		this.missingFields = new ArrayList<>(complete.missing());
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String practiceName() { return this.practiceName; }
	public LeadKind kind() { return this.kind; }
	public Specialty specialty() { return this.specialty; }
	public String region() { return this.region; }
	public LeadSource source() { return this.source; }
	public String conferenceName() { return this.conferenceName; }
	public String street() { return this.street; }
	public String postalCode() { return this.postalCode; }
	public String city() { return this.city; }
	public String country() { return this.country; }
	public String email() { return this.email; }
	public String phone() { return this.phone; }
	public String website() { return this.website; }
	public Set<ProductInterest> productInterests() { return Set.copyOf(this.productInterests); }
	public Money estimatedValue() { return this.estimatedValue; }
	public LocalDate expectedDecisionDate() { return this.expectedDecisionDate; }
	public String notes() { return this.notes; }
	public String owner() { return this.owner; }
	public LeadStatus status() { return this.status; }
	public List<Contact> contacts() { return List.copyOf(this.contacts); }
	public List<LeadActivity> activities() { return List.copyOf(this.activities); }
	public String accountId() { return this.accountId; }
	public boolean convertedIntoExistingAccount() { return this.convertedIntoExistingAccount; }
	public DisqualificationReason disqualificationReason() { return this.disqualificationReason; }
	public String competitor() { return this.competitor; }
	public String disqualificationNote() { return this.disqualificationNote; }
	public MatchKeys matchKeys() { return this.matchKeys; }
	public Completeness completeness() { return new Completeness(this.completeness, List.copyOf(this.missingFields)); }
	public String mergedInto() { return this.mergedInto; }
	public List<FieldChange> history() { return List.copyOf(this.history); }
	public Instant capturedAt() { return this.capturedAt; }
	public Instant updatedAt() { return this.updatedAt; }

}
