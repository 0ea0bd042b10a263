package com.chairside.account.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The account's status rules and match keys, without a store. */
class AccountUnitTests {

	private static final Instant OPENED = Instant.parse("2026-01-05T10:00:00Z");

	private static Account open(String name, String resellerId) {
		return Account.open("a-" + name.hashCode(), new AccountDetails(null, name, "NORTHEAST", null, "Boston", "US",
				"am.1", null, null, null, new Address(null, "02 115", "Boston", "US"), resellerId), OPENED);
	}

	@Test
	void aProspectThatGoesQuietStaysAProspect() {
		Account account = open("Quiet Dental", null);
		assertThat(account.goDormantIfQuietSince(OPENED.plus(Duration.ofDays(365)), OPENED.plus(Duration.ofDays(455))))
			.isFalse();
		assertThat(account.status()).isEqualTo(AccountStatus.PROSPECT);
	}

	@Test
	void countsAConfirmedOrderOnceAndDatesTheQuietPeriodFromTheLastActivity() {
		Account account = open("Busy Dental", null);
		Instant confirmed = OPENED.plus(Duration.ofDays(10));
		assertThat(account.orderConfirmed("o-1", confirmed, confirmed)).isTrue();
		assertThat(account.orderConfirmed("o-1", confirmed, confirmed.plusSeconds(5))).as("redelivered").isFalse();
		assertThat(account.status()).isEqualTo(AccountStatus.CUSTOMER);

		assertThat(account.goDormantIfQuietSince(confirmed.minusSeconds(1), confirmed.plus(Duration.ofDays(90))))
			.as("active since").isFalse();
		assertThat(account.goDormantIfQuietSince(confirmed.plusSeconds(1), confirmed.plus(Duration.ofDays(91)))).isTrue();
		assertThat(account.goDormantIfQuietSince(confirmed.plusSeconds(1), confirmed.plus(Duration.ofDays(92))))
			.as("once").isFalse();
		assertThat(account.raisedEvents()).filteredOn(AccountStatusChanged.class::isInstance)
			.extracting((e) -> ((AccountStatusChanged) e).status())
			.containsExactly(AccountStatus.CUSTOMER, AccountStatus.DORMANT);
	}

	@Test
	void matchesTheSamePracticeByNormalisedNameAndPostalCodeOrTaxId() {
		Account direct = open("Clínica Dental Peña, S.L.", null);
		Account served = open("clinica dental pena sl", "reseller-1");
		assertThat(direct.samePracticeAs(served)).containsExactly("NAME_AND_POSTAL_CODE");
		assertThat(direct.samePracticeAs(open("Clinica Dental Pena Boston", "reseller-1"))).isEmpty();

		assertThat(served.flagChannelConflict(direct, List.of("NAME_AND_POSTAL_CODE"), OPENED)).isTrue();
		assertThat(served.flagChannelConflict(direct, List.of("NAME_AND_POSTAL_CODE"), OPENED)).as("once per pair").isFalse();
		ChannelConflictDetected event = (ChannelConflictDetected) served.raisedEvents().get(1);
		assertThat(event.directAccountId()).isEqualTo(direct.id());
		assertThat(event.resellerServedAccountId()).isEqualTo(served.id());
		assertThat(event.resellerId()).isEqualTo("reseller-1");
	}

	@Test
	void notesOnlyTheFieldsThatReallyChange() {
		Account account = open("History Dental", null);
		assertThat(account.update(new AccountChanges("History Dental", null, AccountKind.GROUP_DSO, null, null, null, null),
				"am.1", OPENED)).isTrue();
		assertThat(account.fieldHistory()).extracting(FieldChange::field).containsExactly("kind");
		assertThat(account.update(new AccountChanges(null, null, AccountKind.GROUP_DSO, null, null, null, null), "am.1",
				OPENED)).isFalse();
	}

}
