package com.chairside.account.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.persistence.VersionedSave;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;
import com.chairside.platform.web.RuleViolationException;

/** Opening, reading and changing accounts; every change is one version-conditional write with its events. */
@Service
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final Accounts accounts;

	private final PracticeKeys practiceKeys;

	private final MongoTemplate mongo;

	private final EventFactory events;

	private final Clock clock;

	AccountManagement(Accounts accounts, PracticeKeys practiceKeys, MongoTemplate mongo, EventFactory events,
			Clock clock) {
		this.accounts = accounts;
		this.practiceKeys = practiceKeys;
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens the account of a converted lead, once: a redelivered event, or the same event handled by two replicas,
	 * finds the account there (by id, or by the unique lead id) and opens nothing new. The lead's contacts arrive with
	 * it, under the ids they had on the lead, and its practice e-mail and phone are kept for matching later leads.
	 */
	public void openForConvertedLead(String accountId, AccountDetails details, String email, String phone,
			List<LeadContact> contacts) {
		if (this.accounts.existsById(accountId) || this.accounts.existsByLeadId(details.leadId())) {
			log.debug("Account {} for lead {} is already open", accountId, details.leadId());
			return;
		}
		Instant now = this.clock.instant();
		Account account = Account.open(accountId, details, now);
		account.reachableAt(email, phone);
		contacts.forEach((c) -> account.addContactOnce(c.contactId(), c.name(), c.title(), c.email(), c.phone(),
				c.buyingRole(), now));
		try {
			insert(account);
			log.info("Opened account {} for converted lead {}", accountId, details.leadId());
		}
		catch (DuplicateKeyException ex) {
			log.debug("Account {} was opened concurrently", accountId);
			return;
		}
		detectChannelConflicts(accountId);
	}

	/**
	 * A lead of a practice that has an account already was converted into it: its contacts join the account (each
	 * once, so a redelivery adds nothing). False when no such account is here.
	 */
	public boolean joinConvertedLead(String accountId, String leadId, List<LeadContact> contacts) {
		if (!this.accounts.existsById(accountId)) {
			return false;
		}
		Instant now = this.clock.instant();
		modify(accountId, null, (a) -> {
			boolean added = false;
			for (LeadContact c : contacts) {
				added |= a.addContactOnce(c.contactId(), c.name(), c.title(), c.email(), c.phone(), c.buyingRole(), now);
			}
			return added;
		}).ifPresent(this.practiceKeys::claimAll);
		log.info("Lead {} converted into the existing account {}", leadId, accountId);
		return true;
	}

	/**
	 * The accounts of the user's scope (narrowed to {@code region} when given) that are the practice described: the
	 * same e-mail or phone (the practice's or a contact's) or the same name and postal code, normalised as for channel
	 * conflicts; those matching on the most keys first. Found through the practice-key claims, never by a scan.
	 */
	public List<PracticeMatch> matches(String email, String phone, String name, String postalCode, String region,
			CurrentUser user) {
		List<String> keys = PracticeKeys.of(email, phone, name, postalCode);
		String scope = user.seesAllRegions() ? region : user.region();
		if (keys.isEmpty() || (region != null && !region.equals(scope))) {
			return List.of();
		}
		List<PracticeMatch> found = new ArrayList<>();
		for (Account account : this.accounts.findAllById(this.practiceKeys.claimedBy(keys))) {
			if ((scope != null && !scope.equals(account.region())) || account.kind() == AccountKind.RESELLER) {
				continue;
			}
			List<String> matchedOn = account.practiceMatch(MatchKeys.email(email), MatchKeys.phone(phone),
					MatchKeys.name(name), MatchKeys.postalCode(postalCode));
			if (!matchedOn.isEmpty()) {
				found.add(new PracticeMatch(account, matchedOn));
			}
		}
		found.sort(Comparator.comparingInt((PracticeMatch m) -> m.matchedOn().size()).reversed());
		return found;
	}

	/** An account manager opens an account directly, in their own region. */
	public Account open(AccountDetails details, CurrentUser user) {
		if (!user.canSee(details.region())) {
			throw new AccessDeniedException("Account managers open accounts in their own region");
		}
		checkReseller(details.resellerId(), user);
		Account account = insert(Account.open(UUID.randomUUID().toString(), details, this.clock.instant()));
		return detectChannelConflicts(account.id()).orElse(account);
	}

	public Account find(String id, CurrentUser user) {
		// by _id alone, the region checked on the account read (see com.chairside.platform.persistence)
		Optional<Account> account = this.accounts.findById(id).filter((a) -> visible(a, user));
		return account.orElseThrow(() -> new NotFoundException("Account", id));
	}

	/** Those of the accounts the user may see (read by {@code _id} alone, as {@link #find} reads one). */
	public List<Account> findAll(Collection<String> ids, CurrentUser user) {
		List<Account> found = new ArrayList<>();
		this.accounts.findAllById(ids).forEach((a) -> {
			if (visible(a, user)) {
				found.add(a);
			}
		});
		return found;
	}

	private static boolean visible(Account account, CurrentUser user) {
		return user.seesAllRegions() || Objects.equals(account.region(), user.region());
	}

	/** Accounts the user may see, newest first, filtered by whatever is given. */
	public Page<Account> list(AccountFilter filter, CurrentUser user, Pageable page) {
		String region = user.seesAllRegions() ? filter.region() : user.region();
		Query query = new Query();
		if (region != null) {
			query.addCriteria(Criteria.where("region").is(region));
		}
		if (filter.status() != null) {
			query.addCriteria(Criteria.where("status").is(filter.status()));
		}
		if (filter.owner() != null) {
			query.addCriteria(Criteria.where("owner").is(filter.owner()));
		}
		if (filter.kind() != null) {
			query.addCriteria(Criteria.where("kind").is(filter.kind()));
		}
		long total = this.mongo.count(query, Account.class);
		List<Account> found = this.mongo.find(query.with(page), Account.class);
		return new PageImpl<>(found, page, total);
	}

	public Account update(String id, AccountChanges changes, CurrentUser user) {
		checkReseller(changes.resellerId(), user);
		Account account = change(id, user, (a) -> a.update(changes, user.id(), this.clock.instant()));
		return detectChannelConflicts(id).orElse(account);
	}

	public Contact addContact(String id, String name, String title, String email, String phone, BuyingRole role,
			CurrentUser user) {
		String contactId = UUID.randomUUID().toString();
		Account account = change(id, user,
				(a) -> a.addContact(contactId, name, title, email, phone, role, this.clock.instant()) != null);
		this.practiceKeys.claimAll(account); // a lead with the contact's e-mail or phone is this practice
		return account.contacts().stream().filter((c) -> c.id().equals(contactId)).findFirst().orElseThrow();
	}

	/** Marks the contact (null: the practice's e-mail) to receive order mail and sets the language (null: unchanged). */
	public Account orderMail(String id, String contactId, String language, CurrentUser user) {
		return change(id, user, (a) -> a.orderMail(contactId, language, this.clock.instant()));
	}

	/** The contact asks not to be mailed ({@code optedOut}) or agrees again. */
	public Account optOut(String id, String contactId, boolean optedOut, CurrentUser user) {
		return change(id, user, (a) -> a.optOut(contactId, optedOut, this.clock.instant()));
	}

	/**
	 * A territory change: every account given, or every account of {@code fromOwner} (in {@code region} if given),
	 * goes to {@code toOwner}; one {@link AccountOwnerChanged} per account that changed hands.
	 */
	public List<String> reassign(List<String> accountIds, String fromOwner, String region, String toOwner,
			String reason, CurrentUser user) {
		List<String> ids = new ArrayList<>();
		if (accountIds != null && !accountIds.isEmpty()) {
			accountIds.forEach((id) -> find(id, user)); // all of them or none: an unknown id answers 404 before any moves
			ids.addAll(accountIds);
		}
		else if (fromOwner != null) {
			Criteria criteria = Criteria.where("owner").is(fromOwner);
			if (region != null) {
				criteria = criteria.and("region").is(region);
			}
			Query query = Query.query(criteria);
			query.fields().include("_id");
			this.mongo.find(query, Account.class).forEach((a) -> ids.add(a.id()));
		}
		else {
			throw new RuleViolationException("reassignment-scope", "Name the accounts or the owner whose accounts move");
		}
		List<String> moved = new ArrayList<>();
		for (String id : ids) {
			if (modify(id, user, (a) -> a.reassign(toOwner, reason, user.id(), this.clock.instant())).isPresent()) {
				moved.add(id);
			}
		}
		log.info("{} reassigned {} of {} accounts to {}", user.id(), moved.size(), ids.size(), toOwner);
		return moved;
	}

	/** Records an activity on the account (the event goes out with the account's own outbox). */
	public Account logActivity(String id, ActivityLogged activity, CurrentUser user) {
		return change(id, user, (a) -> {
			a.logActivity(activity, this.clock.instant());
			return true;
		});
	}

	/**
	 * Learns of a confirmed order, idempotently; false when the account is not (yet) known here.
	 */
	public boolean orderConfirmed(String accountId, String orderId, Instant confirmedAt) {
		if (!this.accounts.existsById(accountId)) {
			return false;
		}
		modify(accountId, null, (a) -> a.orderConfirmed(orderId, confirmedAt, this.clock.instant()));
		return true;
	}

	/**
	 * Marks dormant every customer with no activity since {@code quietSince}. Each transition is one version-conditional
	 * write, so with several replicas running this at once each account goes dormant, and its event is raised, once.
	 */
	public int markDormant(Instant quietSince) {
		Query query = Query.query(Criteria.where("status").is(AccountStatus.CUSTOMER).and("lastActivityAt").lt(quietSince));
		query.fields().include("_id");
		int count = 0;
		for (Account quiet : this.mongo.find(query, Account.class)) {
			if (modify(quiet.id(), null, (a) -> a.goDormantIfQuietSince(quietSince, this.clock.instant())).isPresent()) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Flags a channel conflict between this account and each account of the other channel that is the same practice;
	 * the event is raised once, on this account, naming both; the other account is flagged without an event.
	 */
	private Optional<Account> detectChannelConflicts(String id) {
		Account account = this.accounts.findById(id).orElseThrow();
		if (account.kind() == AccountKind.RESELLER) {
			return Optional.empty();
		}
		Set<String> sharingAKey = this.practiceKeys.claimAndShare(account);
		if (sharingAKey.isEmpty()) {
			return Optional.empty();
		}
		Optional<Account> changed = Optional.empty();
		// by _id, the accounts named by the practice-key claims: never a query on the keys themselves
		for (Account other : this.accounts.findAllById(sharingAKey)) {
			boolean otherChannel = (account.servedDirectly() && other.servedThroughReseller())
					|| (account.servedThroughReseller() && other.servedDirectly());
			List<String> matched = account.samePracticeAs(other);
			if (!otherChannel || matched.isEmpty()) {
				continue;
			}
			changed = modify(id, null, (a) -> a.flagChannelConflict(other, matched, this.clock.instant()));
			modify(other.id(), null, (a) -> a.markChannelConflict(id));
			log.info("Channel conflict: accounts {} and {} are the same practice ({})", id, other.id(), matched);
		}
		return changed;
	}

	private void checkReseller(String resellerId, CurrentUser user) {
		if (resellerId != null && this.accounts.findById(resellerId).filter((r) -> r.kind() == AccountKind.RESELLER).isEmpty()) {
			throw new RuleViolationException("not-a-reseller", "Account " + resellerId + " is not a reseller account");
		}
	}

	/** Changes an account the user can see (404 otherwise) and returns it as saved. */
	private Account change(String id, CurrentUser user, Predicate<Account> change) {
		find(id, user);
		return modify(id, user, change).orElseGet(() -> find(id, user));
	}

	/**
	 * Applies {@code change} to the freshest copy and saves it if it changed anything, conditionally on the version
	 * read; a concurrent writer makes it read again and retry ({@link VersionedSave}). Empty when nothing changed.
	 */
	private Optional<Account> modify(String id, CurrentUser user, Predicate<Account> change) {
		return VersionedSave.change(() -> Optional.of((user != null) ? find(id, user)
				: this.accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id))), change, (account) -> {
					account.stageEvents("account", account.id(), this.events);
					return this.accounts.save(account);
				});
	}

	/** A contact as a converted lead brings it, under its id there. */
	public record LeadContact(String contactId, String name, String title, String email, String phone,
			BuyingRole buyingRole) {
	}

	/** An account that is the practice asked about, and on which keys. */
	public record PracticeMatch(Account account, List<String> matchedOn) {
	}

	private Account insert(Account account) {
		account.stageEvents("account", account.id(), this.events);
		return this.accounts.insert(account);
	}

}
