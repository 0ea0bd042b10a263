package com.chairside.account.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.chairside.platform.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The account's status rules, owner, order-mail recipient and match keys, without a store. */
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

	@Test
	void anOpenedAccountIsAProspectOfItsOwner() {
		Account account = open("New Dental", null);
		assertThat(account.status()).isEqualTo(AccountStatus.PROSPECT);
		assertThat(account.owner()).isEqualTo("am.1");
		assertThat(account.raisedEvents()).singleElement().isInstanceOf(AccountOpened.class);
		assertThat(account.servedDirectly()).isTrue();
		assertThat(open("Served Dental", "reseller-1").servedDirectly()).isFalse();
	}

	@Test
	void aDormantCustomerIsACustomerAgainOnActivityOrAConfirmedOrder() {
		Account account = open("Sleepy Dental", null);
		account.orderConfirmed("o-1", OPENED, OPENED);
		account.goDormantIfQuietSince(OPENED.plusSeconds(1), OPENED.plus(Duration.ofDays(91)));
		Instant call = OPENED.plus(Duration.ofDays(100));
		account.logActivity(new ActivityLogged(account.id(), "NORTHEAST", "act-1", "CALL", "OUTBOUND", call, null, "am.1"),
				call);
		assertThat(account.status()).isEqualTo(AccountStatus.CUSTOMER);
		assertThat(account.lastActivityAt()).isEqualTo(call);

		account.goDormantIfQuietSince(call.plusSeconds(1), call.plus(Duration.ofDays(91)));
		account.orderConfirmed("o-2", call.plus(Duration.ofDays(95)), call.plus(Duration.ofDays(95)));
		assertThat(account.raisedEvents()).filteredOn(AccountStatusChanged.class::isInstance)
			.extracting((e) -> ((AccountStatusChanged) e).reason())
			.containsExactly("FIRST_ORDER_CONFIRMED", "NO_ACTIVITY", "ACTIVITY", "NO_ACTIVITY", "ORDER_CONFIRMED");
		assertThat(account.customerSince()).as("since the first order").isEqualTo(OPENED);
	}

	@Test
	void anActivityLoggedAheadOfTimeCountsFromNow() {
		Account account = open("Early Dental", null);
		Instant now = OPENED.plus(Duration.ofDays(1));
		account.logActivity(new ActivityLogged(account.id(), "NORTHEAST", "act-1", "VISIT", "OUTBOUND",
				now.plus(Duration.ofDays(30)), null, "am.1"), now);
		assertThat(account.lastActivityAt()).isEqualTo(now);
	}

	@Test
	void reassigningToTheOwnerChangesNothingAndAnotherOwnerIsAnnounced() {
		Account account = open("Moving Dental", null);
		assertThat(account.reassign("am.1", "territory", "admin", OPENED)).isFalse();
		assertThat(account.reassign("am.2", "territory", "admin", OPENED)).isTrue();
		assertThat(account.owner()).isEqualTo("am.2");
		assertThat(account.raisedEvents()).last()
			.isEqualTo(new AccountOwnerChanged(account.id(), "NORTHEAST", "am.1", "am.2", "territory", "admin", OPENED));
		assertThat(account.fieldHistory()).extracting(FieldChange::field).containsExactly("owner");
	}

	@Test
	void aConvertedLeadsContactIsAddedOnce() {
		Account account = open("Contact Dental", null);
		assertThat(account.addContactOnce("c-1", "Dr. Ada Moreno", "Owner", "ada@contact.example", null,
				BuyingRole.DECISION_MAKER, OPENED)).isTrue();
		assertThat(account.addContactOnce("c-1", "Dr. Ada Moreno", "Owner", "ada@contact.example", null,
				BuyingRole.DECISION_MAKER, OPENED)).as("redelivered conversion").isFalse();
		assertThat(account.contacts()).hasSize(1);
		assertThat(account.buyingCommittee().known()).containsExactly(BuyingRole.DECISION_MAKER);
	}

	@Test
	void orderMailGoesToTheMarkedContactUntilTheyOptOutAndIsAnnouncedOnlyWhenItChanges() {
		Account account = open("Mail Dental", null);
		account.addContact("c-1", "Sam Lee", "Practice manager", "sam@mail.example", null, BuyingRole.PRACTICE_MANAGER,
				OPENED);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> account.orderMail("c-404", null, OPENED));

		assertThat(account.orderMail("c-1", "de", OPENED)).isTrue();
		assertThat(account.orderMailRecipient()).isEqualTo(new OrderMailRecipient("c-1", "sam@mail.example", "de"));
		assertThat(account.orderMail("c-1", null, OPENED)).as("nothing changes").isFalse();

		assertThat(account.optOut("c-1", true, OPENED)).isTrue();
		assertThat(account.orderMailRecipient().email()).as("nobody to mail").isNull();
		assertThat(account.raisedEvents()).filteredOn(OrderMailRecipientChanged.class::isInstance)
			.extracting((e) -> ((OrderMailRecipientChanged) e).email())
			.containsExactly("sam@mail.example", null);
	}

}
