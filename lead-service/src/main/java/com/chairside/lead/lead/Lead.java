package com.chairside.lead.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.RuleViolationException;

/**
 * A dental practice or organisation being prospected. The lead guards its own lifecycle: it is qualified only once a
 * decision maker is known, converted only once qualified, and each step raises the event that tells the others.
 */
@Document("leads")
public class Lead extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	private String practiceName;

	private Specialty specialty;

	@Indexed
	private String region;

	private LeadSource source;

	private String conferenceName;

	private String city;

	private String country;

	private String email;

	private String phone;

	private String website;

	private Set<ProductInterest> productInterests = new LinkedHashSet<>();

	private Money estimatedValue;

	private String notes;

	private String owner;

	private LeadStatus status;

	private List<Contact> contacts = new ArrayList<>();

	private String accountId;

	private Instant capturedAt;

	private Instant updatedAt;

	protected Lead() {
	}

	public static Lead capture(LeadDetails details, String owner, Instant now) {
		Lead lead = new Lead();
		lead.id = UUID.randomUUID().toString();
		lead.practiceName = details.practiceName();
		lead.specialty = details.specialty();
		lead.region = details.region();
		lead.source = details.source();
		lead.conferenceName = details.conferenceName();
		lead.city = details.city();
		lead.country = details.country();
		lead.email = details.email();
		lead.phone = details.phone();
		lead.website = details.website();
		lead.productInterests = new LinkedHashSet<>(details.productInterests());
		lead.estimatedValue = details.estimatedValue();
		lead.notes = details.notes();
		lead.owner = owner;
		lead.status = LeadStatus.NEW;
		lead.capturedAt = now;
		lead.updatedAt = now;
		lead.raise(new LeadCaptured(lead.id, lead.practiceName, lead.specialty, lead.region, lead.source, lead.city,
				lead.country, lead.productInterests, lead.estimatedValue, owner, now));
		return lead;
	}

	/** Adds a contact; a decision maker is announced, since it opens the way to qualification. */
	public Contact addContact(String name, String title, String email, String phone, BuyingRole role, String by,
			Instant now) {
		if (this.status == LeadStatus.CONVERTED || this.status == LeadStatus.DISQUALIFIED) {
			throw new RuleViolationException("LEAD_CLOSED",
					"Lead " + this.id + " is " + this.status + "; add contacts to its account instead");
		}
		Contact contact = new Contact(UUID.randomUUID().toString(), name, title, email, phone, role);
		this.contacts.add(contact);
		if (this.status == LeadStatus.NEW) {
			this.status = LeadStatus.CONTACTED;
		}
		this.updatedAt = now;
		if (contact.decidesPurchase()) {
			raise(new DecisionMakerIdentified(this.id, contact.id(), role, this.region, by, now));
		}
		return contact;
	}

	/** Qualifies the lead; refused while no decision maker is known. Qualifying twice changes nothing. */
	public void qualify(String by, Instant now) {
		if (this.status == LeadStatus.QUALIFIED) {
			return;
		}
		if (this.status == LeadStatus.CONVERTED || this.status == LeadStatus.DISQUALIFIED) {
			throw new RuleViolationException("LEAD_CLOSED", "Lead " + this.id + " is " + this.status);
		}
		if (this.contacts.stream().noneMatch(Contact::decidesPurchase)) {
			throw new RuleViolationException("DECISION_MAKER_REQUIRED",
					"Identify a decision maker among the lead's contacts before qualifying it");
		}
		this.status = LeadStatus.QUALIFIED;
		this.updatedAt = now;
		raise(new LeadQualified(this.id, this.region, this.specialty, this.estimatedValue, by, now));
	}

	/**
	 * Converts the qualified lead into an account, naming the account id here so the caller can follow it at once;
	 * account-service opens the account from the event. Converting twice answers the same account.
	 */
	public String convert(String by, Instant now) {
		if (this.status == LeadStatus.CONVERTED) {
			return this.accountId;
		}
		if (this.status != LeadStatus.QUALIFIED) {
			throw new RuleViolationException("LEAD_NOT_QUALIFIED",
					"Only a qualified lead can be converted; lead " + this.id + " is " + this.status);
		}
		this.accountId = UUID.randomUUID().toString();
		this.status = LeadStatus.CONVERTED;
		this.updatedAt = now;
		raise(new LeadConverted(this.id, this.accountId, this.practiceName, this.specialty, this.region, this.city,
				this.country, this.owner, by, now));
		return this.accountId;
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String practiceName() { return this.practiceName; }
	public Specialty specialty() { return this.specialty; }
	public String region() { return this.region; }
	public LeadSource source() { return this.source; }
	public String conferenceName() { return this.conferenceName; }
	public String city() { return this.city; }
	public String country() { return this.country; }
	public String email() { return this.email; }
	public String phone() { return this.phone; }
	public String website() { return this.website; }
	public Set<ProductInterest> productInterests() { return Set.copyOf(this.productInterests); }
	public Money estimatedValue() { return this.estimatedValue; }
	public String notes() { return this.notes; }
	public String owner() { return this.owner; }
	public LeadStatus status() { return this.status; }
	public List<Contact> contacts() { return List.copyOf(this.contacts); }
	public String accountId() { return this.accountId; }
	public Instant capturedAt() { return this.capturedAt; }
	public Instant updatedAt() { return this.updatedAt; }

}
