package com.chairside.notification.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.chairside.notification.notification.Change;
import com.chairside.notification.notification.Department;
import com.chairside.platform.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A routing rule on its own: which events it matches (every condition given must hold, none given holds always, a
 * disabled rule matches nothing) and what an admin's rule must name to be stored.
 */
class RoutingRuleUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final RuleRecipients LOGISTICS = new RuleRecipients(List.of(Department.LOGISTICS), null, null, null,
			null);

	/** An order change of {@code region}, total {@code total} USD, of the given fields, lines and departments. */
	private static EventFacts change(String region, String total, List<String> fields, List<String> productLines,
			List<String> departments) {
		List<Change> changes = fields.stream().map((field) -> new Change(field, "before", "after")).toList();
		List<EventFacts.Line> lines = productLines.stream()
			.map((line) -> new EventFacts.Line("SKU-" + line, line, 1))
			.toList();
		return new EventFacts("order-1", "SO-2026-000042", null, "account-1", region, "Customer asked", changes, lines,
				new EventFacts.Money(new BigDecimal(total), "USD"), null, null, departments, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null);
	}

	private static EventFacts anyChange() {
		return change("NORTHEAST", "50000", List.of("requestedDeliveryDate"), List.of("ORTHODONTIC"),
				List.of("SALES_ADMINISTRATION", "LOGISTICS"));
	}

	private static RoutingRule rule(RuleConditions conditions, boolean enabled) {
		return new RoutingRule("rule-1", "Big orthodontic changes", "OrderChanged", conditions, LOGISTICS, enabled, NOW,
				"admin");
	}

	private static RuleConditions only(List<String> fields, List<Department> touched, Boolean named, String minimum,
			List<String> regions, List<String> productLines) {
		return new RuleConditions(fields, touched, named,
				(minimum != null) ? new RuleConditions.Money(new BigDecimal(minimum), "USD") : null, regions,
				productLines);
	}

	private static String refusedField(RuleRequest request) {
		return assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> RoutingRule.of("rule-1", request, "admin", NOW))
			.actual()
			.field();
	}

	@Test
	void aRuleWithoutConditionsMatchesEveryEventUnlessItIsDisabled() {
		assertThat(rule(null, true).matches(anyChange())).isTrue();
		assertThat(rule(null, false).matches(anyChange())).isFalse();
	}

	@Test
	void aChangedFieldMatchesByItsNameOrAsTheParentOfALineOrOptionField() {
		RoutingRule lines = rule(only(List.of("lines"), null, null, null, null, null), true);
		assertThat(lines.matches(change("NORTHEAST", "1", List.of("lines[TC-ORTHO-200].quantity"), List.of(), List.of())))
			.isTrue();
		assertThat(lines.matches(change("NORTHEAST", "1", List.of("linesNote"), List.of(), List.of())))
			.as("a prefix is no parent").isFalse();
		RoutingRule total = rule(only(List.of("total", "requestedDeliveryDate"), null, null, null, null, null), true);
		assertThat(total.matches(anyChange())).isTrue();
		assertThat(total.matches(change("NORTHEAST", "1", List.of("deliverySite"), List.of(), List.of()))).isFalse();
	}

	@Test
	void aRuleOnDepartmentsMatchesTheDepartmentsTheEventNames() {
		RoutingRule finance = rule(only(null, List.of(Department.FINANCE), null, null, null, null), true);
		assertThat(finance.matches(anyChange())).isFalse();
		assertThat(rule(only(null, List.of(Department.FINANCE, Department.LOGISTICS), null, null, null, null), true)
			.matches(anyChange())).isTrue();

		EventFacts older = change("NORTHEAST", "1", List.of("total"), List.of(), List.of());
		assertThat(rule(only(null, null, false, null, null, null), true).matches(older))
			.as("names no departments").isTrue();
		assertThat(rule(only(null, null, false, null, null, null), true).matches(anyChange())).isFalse();
		assertThat(rule(only(null, null, true, null, null, null), true).matches(anyChange())).isTrue();
	}

	@Test
	void aMinimumOrderValueHoldsFromItsAmountInItsCurrencyOnly() {
		RoutingRule big = rule(only(null, null, null, "50000", null, null), true);
		assertThat(big.matches(anyChange())).as("at the minimum").isTrue();
		assertThat(big.matches(change("NORTHEAST", "49999.99", List.of(), List.of(), List.of()))).isFalse();
		EventFacts inEuro = new EventFacts(null, null, null, null, "NORTHEAST", null, null, null,
				new EventFacts.Money(new BigDecimal("90000"), "EUR"), null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
		assertThat(big.matches(inEuro)).isFalse();
	}

	@Test
	void regionsAndProductLinesMatchAnyOfThoseGiven() {
		assertThat(rule(only(null, null, null, null, List.of("SOUTHWEST", "NORTHEAST"), null), true).matches(anyChange()))
			.isTrue();
		assertThat(rule(only(null, null, null, null, List.of("SOUTHWEST"), null), true).matches(anyChange())).isFalse();
		assertThat(rule(only(null, null, null, null, null, List.of("GENERAL")), true).matches(anyChange())).isFalse();
		assertThat(rule(only(null, null, null, "10000", List.of("NORTHEAST"), List.of("ORTHODONTIC")), true)
			.matches(anyChange())).as("every condition holds").isTrue();
	}

	@Test
	void anAdminsRuleIsStoredEnabledUnderItsEventsName() {
		RoutingRule stored = RoutingRule.of("rule-7",
				new RuleRequest("  Late deliveries ", "chairside.order.DeliveryCommitmentMissed.v1", null, LOGISTICS,
						null),
				"admin", NOW);
		assertThat(stored).isEqualTo(new RoutingRule("rule-7", "Late deliveries", "DeliveryCommitmentMissed",
				RuleConditions.NONE, LOGISTICS, true, NOW, "admin"));
		assertThat(RoutingRule.of("rule-8", new RuleRequest("Off", "OrderPlaced", null, LOGISTICS, false), "admin", NOW)
			.enabled()).isFalse();
	}

	@Test
	void anAdminsRuleMustNameAnEventItsRecipientsAndAValueInACurrency() {
		assertThat(refusedField(new RuleRequest(" ", "OrderPlaced", null, LOGISTICS, null))).isEqualTo("name");
		assertThat(refusedField(new RuleRequest("Rule", "LeadQualified", null, LOGISTICS, null)))
			.as("not notified of").isEqualTo("eventType");
		assertThat(refusedField(new RuleRequest("Rule", "OrderPlaced", null,
				new RuleRecipients(null, false, false, false, null), null))).isEqualTo("recipients");
		assertThat(refusedField(new RuleRequest("Rule", "OrderPlaced", null,
				new RuleRecipients(null, null, null, null, List.of("am.1", " ")), null))).isEqualTo("recipients.people");
		assertThat(refusedField(new RuleRequest("Rule", "OrderPlaced",
				new RuleConditions(null, null, null, new RuleConditions.Money(BigDecimal.TEN, "usd"), null, null),
				LOGISTICS, null))).isEqualTo("conditions.minOrderValue");
	}

}
