package com.chairside.account.account.installed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountManagement;
import com.chairside.account.account.Accounts;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.persistence.VersionedSave;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;
import com.chairside.platform.web.RuleViolationException;

/**
 * Records and removes units of an account's installed base. The list lives in the account document, so each change
 * and its {@link InstalledBaseChanged} are one write through the account's outbox and carry the account's sequence.
 */
@Service
public class InstalledBase {

	/** Keeps the account document bounded; a practice has a few dozen units at most. */
	static final int MAX_UNITS = 200;

	private final AccountManagement management;

	private final Accounts accounts;

	private final EventFactory events;

	private final Clock clock;

	InstalledBase(AccountManagement management, Accounts accounts, EventFactory events, Clock clock) {
		this.management = management;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** The account's units (404 for an account the user cannot see). */
	public List<InstalledUnit> of(String accountId, CurrentUser user) {
		return this.management.find(accountId, user).installedBase();
	}

	/**
	 * Records units installed at the practice. The year is refused (400) when it lies in the future of the service's
	 * clock, in UTC; the annotations of the request bound the rest.
	 */
	public InstalledUnit record(String accountId, NewInstalledUnit unit, CurrentUser user) {
		Instant now = this.clock.instant();
		if (unit.yearInstalled() > now.atZone(ZoneOffset.UTC).getYear()) {
			throw new InvalidFieldException("yearInstalled", "must not be in the future");
		}
		InstalledUnit recorded = new InstalledUnit(UUID.randomUUID().toString(), unit.brand(), unit.model(),
				unit.productLine(), unit.yearInstalled(), unit.quantity(), user.id(), now);
		change(accountId, user, (units) -> {
			if (units.size() >= MAX_UNITS) {
				throw new RuleViolationException("INSTALLED_BASE_FULL",
						"An account keeps at most " + MAX_UNITS + " installed-base entries; remove old ones first");
			}
			units.add(recorded);
			return "RECORDED";
		}, recorded.unitId(), now);
		return recorded;
	}

	/** Removes a unit (404 when the account has no such unit). */
	public void remove(String accountId, String unitId, CurrentUser user) {
		change(accountId, user, (units) -> {
			if (!units.removeIf((u) -> u.unitId().equals(unitId))) {
				throw new NotFoundException("Installed unit", unitId);
			}
			return "REMOVED";
		}, unitId, this.clock.instant());
	}

	/**
	 * Applies {@code edit} to the freshest list and saves the account conditionally on the version read; a concurrent
	 * writer makes it read and apply again.
	 */
	private void change(String accountId, CurrentUser user, Function<List<InstalledUnit>, String> edit, String unitId,
			Instant now) {
		VersionedSave.change(() -> Optional.of(this.management.find(accountId, user)), (account) -> {
			List<InstalledUnit> units = new ArrayList<>(account.installedBase());
			String change = edit.apply(units);
			account.changeInstalledBase(units, new InstalledBaseChanged(account.id(), account.region(), account.name(),
					change, unitId, units.stream().map(InstalledBaseChanged.Unit::of).toList(), user.id(), now));
			return true;
		}, (account) -> {
			account.stageEvents("account", account.id(), this.events);
			return this.accounts.save(account);
		});
	}

}
