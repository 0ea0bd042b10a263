package com.chairside.account.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.account.account.installed.InstalledBaseChanged;
import com.chairside.account.account.installed.InstalledUnit;
import com.chairside.platform.outbox.AggregateRoot;
import com.chairside.platform.web.NotFoundException;

/** A dental practice or organisation the company sells to, owned by an account manager of its region. */
@Document("accounts")
public class Account extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	/** The lead it was converted from; unique, so a lead opens at most one account. */
	@Indexed(unique = true, sparse = true)
	private String leadId;

	private String name;

	@Indexed
	private String region;

	private String specialty;

	private String city;

	private String country;

	@Indexed
	private String owner;

	private AccountStatus status;

	private Instant openedAt;

	private AccountKind kind;

	private String taxId;

	private Address billingAddress;

	private Address siteAddress;

	/** The reseller account this end customer is served through; null when served directly. */
	private String resellerId;

	/** Match keys for channel conflicts: the normalised name, postal code and tax id. */
	@Indexed
	private String nameKey;

	private String postalCodeKey;

	@Indexed
	private String taxIdKey;

	/** The practice's own e-mail and phone, as the lead it was converted from had them (for matching leads). */
	private String email;

	private String phone;

	private List<Contact> contacts = new ArrayList<>();

	private List<FieldChange> fieldHistory = new ArrayList<>();

	/** When the last activity, demo or confirmed order happened; the dormancy check compares it with the clock. */
	@Indexed
	private Instant lastActivityAt;

	private Instant customerSince;

	/** The confirmed orders seen, so that a redelivered OrderConfirmed changes nothing. */
	private Set<String> confirmedOrders = new LinkedHashSet<>();

	/** The accounts this one is in a channel conflict with. */
	private Set<String> channelConflicts = new LinkedHashSet<>();

	/** The units of any brand installed at the practice; changed by {@code InstalledBase}. */
	private List<InstalledUnit> installedBase = new ArrayList<>();

	/** The language the practice is written to; null: the one its country speaks ({@link OrderMailRecipient}). */
	private String language;

	/** The contact marked to receive order mail; null: the practice's own e-mail does. */
	private String orderMailContactId;

	/** The contacts who asked not to be mailed. */
	private Set<String> optedOutContacts = new LinkedHashSet<>();

	/** The order-mail recipient last published, so that OrderMailRecipientChanged is raised only on a change. */
	private OrderMailRecipient orderMailRecipient;

	protected Account() {
	}

	/**
	 * Opens an account under {@code id}, which lead-service chose at conversion so that the account manager can follow
	 * it before it exists here.
	 */
	public static Account open(String id, AccountDetails details, Instant now) {
		Account account = new Account();
		account.id = id;
		account.leadId = details.leadId();
		account.name = details.name();
		account.region = details.region();
		account.specialty = details.specialty();
		account.city = details.city();
		account.country = details.country();
		account.owner = details.owner();
		account.kind = details.kind();
		account.taxId = details.taxId();
		account.billingAddress = details.billingAddress();
		account.siteAddress = details.siteAddress();
		account.resellerId = details.resellerId();
		account.status = AccountStatus.PROSPECT;
		account.openedAt = now;
		account.lastActivityAt = now;
		account.refreshMatchKeys();
		account.raise(new AccountOpened(id, account.leadId, account.name, account.region, account.specialty,
				account.city, account.country, account.owner, account.status, now, account.kind, account.taxId,
				account.resellerId));
		// Nobody to mail yet (a new account has no e-mail of its own): known, not published.
		account.orderMailRecipient = account.orderMailRecipient();
		return account;
	}

	/** Applies the non-null fields that differ, records their history and raises one {@link AccountUpdated}. */
	public boolean update(AccountChanges changes, String by, Instant now) {
		List<AccountUpdated.Change> changed = new ArrayList<>();
		apply(changed, "name", this.name, changes.name(), (v) -> this.name = v);
		apply(changed, "specialty", this.specialty, changes.specialty(), (v) -> this.specialty = v);
		apply(changed, "kind", this.kind, changes.kind(), (v) -> this.kind = v);
		apply(changed, "taxId", this.taxId, changes.taxId(), (v) -> this.taxId = v);
		apply(changed, "billingAddress", this.billingAddress, changes.billingAddress(), (v) -> this.billingAddress = v);
		apply(changed, "siteAddress", this.siteAddress, changes.siteAddress(), (v) -> this.siteAddress = v);
		apply(changed, "resellerId", this.resellerId, changes.resellerId(), (v) -> this.resellerId = v);
		if (changed.isEmpty()) {
			return false;
		}
		changed.forEach((c) -> this.fieldHistory.add(new FieldChange(c.field(), c.from(), c.to(), by, now)));
		refreshMatchKeys();
		raise(new AccountUpdated(this.id, this.region, List.copyOf(changed), by, now));
		return true;
	}

	/** Hands the account to another account manager (a territory change); nothing happens if it is theirs already. */
	public boolean reassign(String newOwner, String reason, String by, Instant now) {
		if (Objects.equals(newOwner, this.owner)) {
			return false;
		}
		String previous = this.owner;
		this.owner = newOwner;
		this.fieldHistory.add(new FieldChange("owner", previous, newOwner, by, now));
		raise(new AccountOwnerChanged(this.id, this.region, previous, newOwner, reason, by, now));
		return true;
	}

	public Contact addContact(String contactId, String name, String title, String email, String phone,
			BuyingRole role, Instant now) {
		Contact contact = new Contact(contactId, name, title, email, phone, role, now);
		this.contacts.add(contact);
		raise(new ContactAdded(this.id, this.region, contactId, role, now));
		return contact;
	}

	/** Keeps the practice's e-mail and phone the lead had, so that a later lead of the practice is matched to it. */
	void reachableAt(String email, String phone) {
		this.email = email;
		this.phone = phone;
		publishOrderMailRecipient(this.openedAt);
	}

	/**
	 * Marks {@code contactId} (null: nobody, the practice's e-mail) to receive order mail and sets the language the
	 * practice is written to (null: unchanged). Answers whether the recipient notification-service knows changed.
	 */
	public boolean orderMail(String contactId, String language, Instant now) {
		requireContact(contactId);
		this.orderMailContactId = contactId;
		if (language != null) {
			this.language = language;
		}
		return publishOrderMailRecipient(now);
	}

	/** The contact asks not to be mailed ({@code optedOut}) or agrees again; answers whether anything changed. */
	public boolean optOut(String contactId, boolean optedOut, Instant now) {
		requireContact(contactId);
		boolean changed = optedOut ? this.optedOutContacts.add(contactId) : this.optedOutContacts.remove(contactId);
		return publishOrderMailRecipient(now) || changed;
	}

	private void requireContact(String contactId) {
		if (contactId != null && this.contacts.stream().noneMatch((c) -> c.id().equals(contactId))) {
			throw new NotFoundException("Contact", contactId);
		}
	}

	/** Who receives order mail now: see {@link OrderMailRecipient}. */
	public OrderMailRecipient orderMailRecipient() {
		String lang = language();
		if (this.orderMailContactId == null) {
			return new OrderMailRecipient(null, this.email, lang);
		}
		if (this.optedOutContacts != null && this.optedOutContacts.contains(this.orderMailContactId)) {
			return new OrderMailRecipient(this.orderMailContactId, null, lang);
		}
		String address = this.contacts.stream().filter((c) -> c.id().equals(this.orderMailContactId)).findFirst()
			.map(Contact::email).orElse(null);
		return new OrderMailRecipient(this.orderMailContactId, address, lang);
	}

	/** Raises OrderMailRecipientChanged if the recipient differs from the one last published. */
	private boolean publishOrderMailRecipient(Instant now) {
		OrderMailRecipient current = orderMailRecipient();
		if (current.equals(this.orderMailRecipient)) {
			return false;
		}
		this.orderMailRecipient = current;
		raise(new OrderMailRecipientChanged(this.id, this.region, current.contactId(), current.email(), current.language(), now));
		return true;
	}

	/**
	 * Adds a contact that came with a converted lead, under the id it had there, unless it is here already (a
	 * redelivered conversion); answers whether it was added.
	 */
	public boolean addContactOnce(String contactId, String name, String title, String email, String phone,
			BuyingRole role, Instant now) {
		if (this.contacts.stream().anyMatch((c) -> c.id().equals(contactId))) {
			return false;
		}
		addContact(contactId, name, title, email, phone, role, now);
		return true;
	}

	/**
	 * On what this account is the practice described by the given keys (already normalised by {@link MatchKeys}):
	 * {@code EMAIL} or {@code PHONE} of the practice or of one of its contacts, {@code NAME_AND_POSTAL_CODE}.
	 */
	public List<String> practiceMatch(String emailKey, String phoneKey, String nameKey, String postalCodeKey) {
		List<String> matched = new ArrayList<>();
		if (emailKey != null && emailKeys().contains(emailKey)) {
			matched.add("EMAIL");
		}
		if (phoneKey != null && phoneKeys().contains(phoneKey)) {
			matched.add("PHONE");
		}
		if (nameKey != null && nameKey.equals(this.nameKey) && postalCodeKey != null
				&& postalCodeKey.equals(this.postalCodeKey)) {
			matched.add("NAME_AND_POSTAL_CODE");
		}
		return matched;
	}

	/** The normalised e-mail addresses of the practice and its contacts. */
	Set<String> emailKeys() {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(MatchKeys.email(this.email));
		this.contacts.forEach((c) -> keys.add(MatchKeys.email(c.email())));
		keys.remove(null);
		return keys;
	}

	/** The phone numbers (digits) of the practice and its contacts. */
	Set<String> phoneKeys() {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(MatchKeys.phone(this.phone));
		this.contacts.forEach((c) -> keys.add(MatchKeys.phone(c.phone())));
		keys.remove(null);
		return keys;
	}

	/** Records an activity; a dormant customer is a customer again. */
	public void logActivity(ActivityLogged activity, Instant now) {
		raise(activity);
		touch(activity.occurredAt().isAfter(now) ? now : activity.occurredAt());
		if (this.status == AccountStatus.DORMANT) {
			changeStatus(AccountStatus.CUSTOMER, "ACTIVITY", null, now);
		}
	}

	/**
	 * Learns of a confirmed order: a prospect or a dormant account is a customer (again). A redelivered confirmation of
	 * the same order changes nothing; returns whether anything changed.
	 */
	public boolean orderConfirmed(String orderId, Instant confirmedAt, Instant now) {
		if (!this.confirmedOrders.add(orderId)) {
			return false;
		}
		touch((confirmedAt != null && confirmedAt.isBefore(now)) ? confirmedAt : now);
		if (this.status == AccountStatus.PROSPECT) {
			this.customerSince = now;
			changeStatus(AccountStatus.CUSTOMER, "FIRST_ORDER_CONFIRMED", orderId, now);
		}
		else if (this.status == AccountStatus.DORMANT) {
			changeStatus(AccountStatus.CUSTOMER, "ORDER_CONFIRMED", orderId, now);
		}
		return true;
	}

	/** A customer with no activity since {@code quietSince} goes dormant; prospects stay prospects. */
	public boolean goDormantIfQuietSince(Instant quietSince, Instant now) {
		if (this.status != AccountStatus.CUSTOMER || this.lastActivityAt == null || !this.lastActivityAt.isBefore(quietSince)) {
			return false;
		}
		changeStatus(AccountStatus.DORMANT, "NO_ACTIVITY", null, now);
		return true;
	}

	/** Flags a channel conflict with {@code other}, once per pair; raises the event that names both owners. */
	public boolean flagChannelConflict(Account other, List<String> matchedOn, Instant now) {
		if (!this.channelConflicts.add(other.id)) {
			return false;
		}
		Account direct = this.servedThroughReseller() ? other : this;
		Account served = this.servedThroughReseller() ? this : other;
		raise(new ChannelConflictDetected(this.id, this.region, direct.id, direct.owner, served.id, served.owner,
				served.resellerId, List.copyOf(matchedOn), now));
		return true;
	}

	/** Flags the conflict that {@code other} detected and published; no event of its own, so the pair is told once. */
	public boolean markChannelConflict(String otherId) {
		return this.channelConflicts.add(otherId);
	}

	/** What this account and {@code other} have in common that makes them the same practice; empty when nothing. */
	public List<String> samePracticeAs(Account other) {
		List<String> matched = new ArrayList<>();
		if (this.taxIdKey != null && this.taxIdKey.equals(other.taxIdKey)) {
			matched.add("TAX_ID");
		}
		if (this.nameKey != null && this.nameKey.equals(other.nameKey) && this.postalCodeKey != null
				&& this.postalCodeKey.equals(other.postalCodeKey)) {
			matched.add("NAME_AND_POSTAL_CODE");
		}
		return matched;
	}

	public boolean servedThroughReseller() {
		return this.resellerId != null;
	}

	/** Worked by the company's own account manager: neither a reseller nor served through one. */
	public boolean servedDirectly() {
		return this.resellerId == null && this.kind != AccountKind.RESELLER;
	}

	public Completeness completeness() {
		return Completeness.of(this);
	}

	/** Which buying roles are known among the contacts and which are missing. */
	public BuyingCommittee buyingCommittee() {
		Set<BuyingRole> known = EnumSet.noneOf(BuyingRole.class);
		this.contacts.stream().map(Contact::buyingRole).filter(Objects::nonNull).forEach(known::add);
		Set<BuyingRole> missing = EnumSet.complementOf(known.isEmpty() ? EnumSet.noneOf(BuyingRole.class) : EnumSet.copyOf(known));
		return new BuyingCommittee(List.copyOf(known), List.copyOf(missing));
	}

	/** Replaces the installed base with {@code units}; {@code changed} carries the whole list. */
	public void changeInstalledBase(List<InstalledUnit> units, InstalledBaseChanged changed) {
		this.installedBase = new ArrayList<>(units);
		raise(changed);
	}

	private void changeStatus(AccountStatus to, String reason, String orderId, Instant now) {
		AccountStatus from = this.status;
		this.status = to;
		raise(new AccountStatusChanged(this.id, this.region, this.owner, from, to, reason, orderId, now));
	}

	private void touch(Instant at) {
		if (this.lastActivityAt == null || at.isAfter(this.lastActivityAt)) {
			this.lastActivityAt = at;
		}
	}

	private void refreshMatchKeys() {
		this.nameKey = MatchKeys.name(this.name);
		Address address = (this.siteAddress != null) ? this.siteAddress : this.billingAddress;
		this.postalCodeKey = MatchKeys.postalCode((address != null) ? address.postalCode() : null);
		this.taxIdKey = MatchKeys.taxId(this.taxId);
	}

	/** Sets a field to {@code value} if one is given and it differs, noting the change. */
	private static <T> void apply(List<AccountUpdated.Change> changed, String field, T current, T value, Consumer<T> set) {
		if (value != null && !value.equals(current)) {
			changed.add(new AccountUpdated.Change(field, text(current), text(value)));
			set.accept(value);
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String leadId() { return this.leadId; }
	public String name() { return this.name; }
	public String region() { return this.region; }
	public String specialty() { return this.specialty; }
	public String city() { return this.city; }
	public String country() { return this.country; }
	public String owner() { return this.owner; }
	public AccountStatus status() { return this.status; }
	public Instant openedAt() { return this.openedAt; }
	public AccountKind kind() { return this.kind; }
	public String taxId() { return this.taxId; }
	public Address billingAddress() { return this.billingAddress; }
	public Address siteAddress() { return this.siteAddress; }
	public String resellerId() { return this.resellerId; }
	public String nameKey() { return this.nameKey; }
	public String postalCodeKey() { return this.postalCodeKey; }
	public String taxIdKey() { return this.taxIdKey; }
	public String email() { return this.email; }
	public String phone() { return this.phone; }
	public List<Contact> contacts() { return List.copyOf(this.contacts); }
	public List<FieldChange> fieldHistory() { return List.copyOf(this.fieldHistory); }
	public Instant lastActivityAt() { return this.lastActivityAt; }
	public Instant customerSince() { return this.customerSince; }
	public Set<String> channelConflicts() { return Set.copyOf(this.channelConflicts); }
	public String language() { return (this.language != null) ? this.language : OrderMailRecipient.languageOf(this.country); }
	public Set<String> optedOutContacts() { return (this.optedOutContacts != null) ? Set.copyOf(this.optedOutContacts) : Set.of(); }
	public List<InstalledUnit> installedBase() { return (this.installedBase != null) ? List.copyOf(this.installedBase) : List.of(); }

}
