package com.chairside.account.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

/** Opening and reading accounts. */
@Service
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final Accounts accounts;

	private final EventFactory events;

	private final Clock clock;

	AccountManagement(Accounts accounts, EventFactory events, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens the account of a converted lead, once: a redelivered event, or the same event handled by two replicas,
	 * finds the account there (by id, or by the unique lead id) and opens nothing new.
	 */
	public void openForConvertedLead(String accountId, AccountDetails details) {
		if (this.accounts.existsById(accountId) || this.accounts.existsByLeadId(details.leadId())) {
			log.debug("Account {} for lead {} is already open", accountId, details.leadId());
			return;
		}
		try {
			save(Account.open(accountId, details, this.clock.instant()));
			log.info("Opened account {} for converted lead {}", accountId, details.leadId());
		}
		catch (DuplicateKeyException ex) {
			log.debug("Account {} was opened concurrently", accountId);
		}
	}

	/** An account manager opens an account directly, in their own region. */
	public Account open(AccountDetails details, CurrentUser user) {
		if (!user.canSee(details.region())) {
			throw new AccessDeniedException("Account managers open accounts in their own region");
		}
		return save(Account.open(UUID.randomUUID().toString(), details, this.clock.instant()));
	}

	public Account find(String id, CurrentUser user) {
		Optional<Account> account = user.seesAllRegions() ? this.accounts.findById(id)
				: this.accounts.findByIdAndRegion(id, user.region());
		return account.orElseThrow(() -> new NotFoundException("Account", id));
	}

	public Page<Account> list(String region, CurrentUser user, Pageable page) {
		String scope = user.seesAllRegions() ? region : user.region();
		return (scope == null) ? this.accounts.findAll(page) : this.accounts.findByRegion(scope, page);
	}

	private Account save(Account account) {
		account.stageEvents("account", account.id(), this.events);
		return this.accounts.insert(account);
	}

}
