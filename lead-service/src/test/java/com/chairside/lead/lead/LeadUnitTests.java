package com.chairside.lead.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.chairside.platform.web.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Lead aggregate on its own: its lifecycle, the BANT gate, what a closed lead refuses, and merging. */
class LeadUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final Money ESTIMATE = new Money(new BigDecimal("85000"), "USD");

	private static LeadDetails details(String practiceName, Set<ProductInterest> interests, Money estimate,
			LocalDate decision) {
		return new LeadDetails(practiceName, LeadKind.PRIVATE_PRACTICE, Specialty.ORTHODONTICS, "NORTHEAST",
				LeadSource.INBOUND_WEB, null, null, "02115", "Boston", "US", null, null, null, interests, estimate,
				decision, null);
	}

	private static LeadDetails changes() {
		return new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	private static Lead captured(String practiceName) {
		return Lead.capture("lead-" + practiceName.hashCode(), details(practiceName, null, null, null), "am.1", false,
				"am.1", NOW);
	}

	/** A lead with budget, a decision maker and a need: what the gate asks for. */
	private static Lead readyToQualify() {
		Lead lead = Lead.capture("lead-ready", details("Harbour Orthodontics", Set.of(ProductInterest.TREATMENT_CHAIR),
				ESTIMATE, null), "am.1", false, "am.1", NOW);
		lead.addContact("Dr. Ada Moreno", "Owner", "ada@harbour.example", null, BuyingRole.DECISION_MAKER, "am.1", NOW);
		return lead;
	}

	private static Lead qualified() {
		Lead lead = readyToQualify();
		lead.qualify("am.1", NOW);
		return lead;
	}

	private static String code(Runnable refused) {
		return assertThatExceptionOfType(RuleViolationException.class).isThrownBy(refused::run)
			.actual()
			.code();
	}

	@Test
	void aCapturedLeadIsNewAndOnlyAnAutomaticAssignmentIsAnnounced() {
		Lead mine = captured("Smile Dental");
		assertThat(mine.status()).isEqualTo(LeadStatus.NEW);
		assertThat(mine.raisedEvents()).singleElement().isInstanceOf(LeadCaptured.class);

		Lead routed = Lead.capture("lead-routed", details("Routed Dental", null, null, null), "am.2", true, "admin",
				NOW);
		assertThat(routed.raisedEvents()).hasSize(2)
			.last()
			.isEqualTo(new LeadAssigned("lead-routed", "NORTHEAST", "am.2", null, "AUTOMATIC", "admin", NOW));
	}

	@Test
	void theFirstContactMakesANewLeadContactedAndOnlyADecisionMakerIsAnnounced() {
		Lead lead = captured("Smile Dental");
		lead.addContact("Sam Lee", "Practice manager", " Sam@Smile.example ", "+1 (617) 555-0100",
				BuyingRole.PRACTICE_MANAGER, "am.1", NOW);
		assertThat(lead.status()).isEqualTo(LeadStatus.CONTACTED);
		assertThat(lead.contacts()).singleElement().satisfies((contact) -> {
			assertThat(contact.email()).isEqualTo("sam@smile.example");
			assertThat(contact.phone()).isEqualTo("+16175550100");
		});
		assertThat(lead.raisedEvents()).noneMatch(DecisionMakerIdentified.class::isInstance);

		Contact owner = lead.addContact("Dr. Ada Moreno", "Owner", null, null, BuyingRole.DECISION_MAKER, "am.1", NOW);
		assertThat(lead.raisedEvents()).last()
			.isEqualTo(new DecisionMakerIdentified(lead.id(), owner.id(), BuyingRole.DECISION_MAKER, "NORTHEAST", "am.1",
					NOW));
	}

	@Test
	void theBantGateRefusesQualificationAndNamesWhatIsMissing() {
		Lead lead = captured("Smile Dental");
		assertThatExceptionOfType(QualificationGateException.class).isThrownBy(() -> lead.qualify("am.1", NOW))
			.satisfies((refused) -> assertThat(refused.missing()).containsExactly(Qualification.BUDGET_REQUIRED,
					Qualification.DECISION_MAKER_REQUIRED, Qualification.NEED_REQUIRED));

		lead.update(details(null, Set.of(ProductInterest.EXAM_CHAIR), ESTIMATE, null), "am.1", NOW);
		assertThatExceptionOfType(QualificationGateException.class).isThrownBy(() -> lead.qualify("am.1", NOW))
			.satisfies((refused) -> assertThat(refused.missing())
				.containsExactly(Qualification.DECISION_MAKER_REQUIRED));
		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.raisedEvents()).noneMatch(LeadQualified.class::isInstance);
	}

	@Test
	void theTimelineCountsInTheScoreButIsNoPartOfTheGate() {
		Lead lead = readyToQualify();
		assertThat(lead.qualification(NOW).score()).isEqualTo(75);
		assertThat(lead.qualification(NOW).passesGate()).isTrue();
		lead.update(details(null, null, null, LocalDate.parse("2027-03-01")), "am.1", NOW);
		assertThat(lead.qualification(NOW).score()).isEqualTo(100);
		lead.update(details(null, null, null, LocalDate.parse("2028-06-01")), "am.1", NOW);
		assertThat(lead.qualification(NOW).score()).as("more than a year away").isEqualTo(85);
	}

	@Test
	void aLeadThatPassesTheGateIsQualifiedOnce() {
		Lead lead = qualified();
		assertThat(lead.status()).isEqualTo(LeadStatus.QUALIFIED);
		assertThat(lead.raisedEvents()).last()
			.isEqualTo(new LeadQualified(lead.id(), "NORTHEAST", Specialty.ORTHODONTICS, ESTIMATE, 75, "am.1", NOW));
		int events = lead.raisedEvents().size();
		lead.qualify("am.2", NOW);
		assertThat(lead.raisedEvents()).hasSize(events);
		assertThat(lead.history()).filteredOn((change) -> change.field().equals("status"))
			.extracting(FieldChange::to)
			.containsExactly("CONTACTED", "QUALIFIED");
	}

	@Test
	void aDisqualifiedLeadRefusesQualificationContactsAndConversion() {
		Lead lead = readyToQualify();
		lead.disqualify(DisqualificationReason.BOUGHT_FROM_COMPETITOR, "Went elsewhere", "Rival Dental Co", "am.1", NOW);
		assertThat(lead.raisedEvents()).last()
			.isEqualTo(new LeadDisqualified(lead.id(), "NORTHEAST", DisqualificationReason.BOUGHT_FROM_COMPETITOR, "am.1",
					NOW, "Rival Dental Co"));
		int events = lead.raisedEvents().size();
		lead.disqualify(DisqualificationReason.NO_BUDGET, null, null, "am.1", NOW);
		assertThat(lead.raisedEvents()).as("disqualified once").hasSize(events);
		assertThat(lead.disqualificationReason()).isEqualTo(DisqualificationReason.BOUGHT_FROM_COMPETITOR);

		assertThat(code(() -> lead.qualify("am.1", NOW))).isEqualTo("LEAD_CLOSED");
		assertThat(code(() -> lead.addContact("Kim", null, null, null, BuyingRole.INFLUENCER, "am.1", NOW)))
			.isEqualTo("LEAD_CLOSED");
		assertThat(code(() -> lead.convert(null, "am.1", NOW))).isEqualTo("LEAD_NOT_QUALIFIED");
		assertThat(lead.status()).isEqualTo(LeadStatus.DISQUALIFIED);
	}

	@Test
	void onlyAQualifiedLeadIsConvertedAndConvertingTwiceAnswersTheSameAccount() {
		Lead lead = readyToQualify();
		assertThat(code(() -> lead.convert(null, "am.1", NOW))).isEqualTo("LEAD_NOT_QUALIFIED");

		lead.qualify("am.1", NOW);
		String accountId = lead.convert(null, "am.1", NOW);
		assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
		assertThat(lead.accountId()).isEqualTo(accountId).isNotBlank();
		assertThat(lead.convertedIntoExistingAccount()).isFalse();
		LeadConverted converted = (LeadConverted) lead.raisedEvents().get(lead.raisedEvents().size() - 1);
		assertThat(converted.accountId()).isEqualTo(accountId);
		assertThat(converted.existingAccount()).isFalse();
		assertThat(converted.contacts()).extracting(LeadConverted.ConvertedContact::name)
			.containsExactly("Dr. Ada Moreno");

		int events = lead.raisedEvents().size();
		assertThat(lead.convert("account-elsewhere", "am.1", NOW)).isEqualTo(accountId);
		assertThat(lead.raisedEvents()).hasSize(events);
	}

	@Test
	void aLeadConvertedIntoTheAccountItsPracticeHasSaysSo() {
		Lead lead = qualified();
		assertThat(lead.convert("account-7", "am.1", NOW)).isEqualTo("account-7");
		assertThat(lead.convertedIntoExistingAccount()).isTrue();
		assertThat(((LeadConverted) lead.raisedEvents().get(lead.raisedEvents().size() - 1)).existingAccount())
			.isTrue();
	}

	@Test
	void aConvertedLeadRefusesEveryChange() {
		Lead lead = qualified();
		lead.convert(null, "am.1", NOW);
		assertThat(List.of(code(() -> lead.update(details("Renamed", null, null, null), "am.1", NOW)),
				code(() -> lead.assign("am.2", "sm", NOW)),
				code(() -> lead.addContact("Kim", null, null, null, BuyingRole.INFLUENCER, "am.1", NOW)),
				code(() -> lead.logActivity(ActivityType.CALL, Direction.OUTBOUND, NOW, null, "Called", null, null,
						"am.1", NOW)),
				code(() -> lead.disqualify(DisqualificationReason.OTHER, null, null, "am.1", NOW)),
				code(() -> captured("Other Dental").absorb(lead, "am.1", NOW))))
			.containsOnly("LEAD_CLOSED");
	}

	@Test
	void assigningToTheOwnerChangesNothingAndAnotherOwnerIsAnnounced() {
		Lead lead = captured("Smile Dental");
		lead.assign("am.1", "sm", NOW);
		assertThat(lead.raisedEvents()).noneMatch(LeadAssigned.class::isInstance);

		lead.assign("am.2", "sm", NOW);
		assertThat(lead.owner()).isEqualTo("am.2");
		assertThat(lead.raisedEvents()).last()
			.isEqualTo(new LeadAssigned(lead.id(), "NORTHEAST", "am.2", "am.1", "MANUAL", "sm", NOW));
		assertThat(lead.history()).last().isEqualTo(new FieldChange(lead.id(), "owner", "am.1", "am.2", "sm", NOW));
	}

	@Test
	void anUpdateRecordsOnlyRealChangesAndLeavesTheRegionAlone() {
		Lead lead = captured("Smile Dental");
		LeadDetails same = new LeadDetails("Smile Dental", null, null, "SOUTHWEST", null, null, null, " 02115 ", null,
				null, null, null, null, null, null, null, null);
		assertThat(lead.update(same, "am.1", NOW)).isEmpty();
		assertThat(lead.region()).isEqualTo("NORTHEAST");
		assertThat(lead.raisedEvents()).noneMatch(LeadUpdated.class::isInstance);

		LeadDetails changed = new LeadDetails(null, null, Specialty.ORAL_SURGERY, null, null, null, null, null, null,
				null, "Front@Smile.example", null, null, null, null, null, "Call after 4 pm");
		assertThat(lead.update(changed, "am.1", NOW)).containsExactly("specialty", "email", "notes");
		assertThat(lead.email()).isEqualTo("front@smile.example");
		assertThat(lead.raisedEvents()).last()
			.isEqualTo(new LeadUpdated(lead.id(), "NORTHEAST", List.of("specialty", "email", "notes"),
					LeadSource.INBOUND_WEB, null, "am.1", NOW));
	}

	@Test
	void mergingTakesWhatTheSurvivorLacksAndClosesTheDuplicate() {
		Lead survivor = captured("Smile Dental");
		Lead duplicate = Lead.capture("lead-duplicate", details("Smile Dental Boston",
				Set.of(ProductInterest.DELIVERY_UNIT), ESTIMATE, null), "am.2", false, "am.2", NOW);
		duplicate.addContact("Dr. Ada Moreno", "Owner", null, null, BuyingRole.DECISION_MAKER, "am.2", NOW);

		survivor.absorb(duplicate, "am.1", NOW);
		assertThat(survivor.practiceName()).as("its own name stays").isEqualTo("Smile Dental");
		assertThat(survivor.productInterests()).containsExactly(ProductInterest.DELIVERY_UNIT);
		assertThat(survivor.estimatedValue()).isEqualTo(ESTIMATE);
		assertThat(survivor.contacts()).extracting(Contact::name).containsExactly("Dr. Ada Moreno");
		assertThat(survivor.raisedEvents()).last()
			.isEqualTo(new LeadsMerged(survivor.id(), "lead-duplicate", "NORTHEAST", "am.1", NOW));
		assertThat(duplicate.mergedInto()).isEqualTo(survivor.id());
		assertThat(duplicate.matchKeys()).as("no longer matched").isNull();

		assertThat(code(() -> duplicate.update(details("Renamed", null, null, null), "am.2", NOW)))
			.isEqualTo("LEAD_MERGED");
		assertThat(code(() -> duplicate.ensureConvertible())).isEqualTo("LEAD_NOT_QUALIFIED");
		assertThat(code(() -> survivor.absorb(survivor, "am.1", NOW))).isEqualTo("MERGE_SAME_LEAD");
	}

}
