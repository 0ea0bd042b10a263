package com.chairside.notification.routing;

import java.math.BigDecimal;
import java.util.List;

import com.chairside.notification.notification.Department;

/**
 * Conditions on an event; each one given must hold, an empty list or {@code null} holds always.
 *
 * @param changedFields one of the changes is of one of these fields ({@code total}, {@code requestedDeliveryDate};
 * {@code lines} matches {@code lines[TC-ORTHO-200].quantity})
 * @param departmentsTouched the event names one of these departments as touched by the change
 * @param departmentsNamed whether the event names the departments it touches at all (older order changes do not)
 * @param minOrderValue the order's value is at least this, in the same currency
 * @param regions the event is of one of these regions
 * @param productLines a line of the order is of one of these product lines ({@code ORTHODONTIC})
 */
public record RuleConditions(List<String> changedFields, List<Department> departmentsTouched,
		Boolean departmentsNamed, Money minOrderValue, List<String> regions, List<String> productLines) {

	static final RuleConditions NONE = new RuleConditions(null, null, null, null, null, null);

	public RuleConditions {
		changedFields = (changedFields != null) ? List.copyOf(changedFields) : List.of();
		departmentsTouched = (departmentsTouched != null) ? List.copyOf(departmentsTouched) : List.of();
		regions = (regions != null) ? List.copyOf(regions) : List.of();
		productLines = (productLines != null) ? List.copyOf(productLines) : List.of();
	}

	boolean metBy(EventFacts facts) {
		return changedFieldsMet(facts) && departmentsTouchedMet(facts)
				&& (this.departmentsNamed == null || this.departmentsNamed == !facts.departmentsNamed().isEmpty())
				&& orderValueMet(facts) && (this.regions.isEmpty() || this.regions.contains(facts.region()))
				&& (this.productLines.isEmpty() || facts.productLines().stream().anyMatch(this.productLines::contains));
	}

	private boolean changedFieldsMet(EventFacts facts) {
		return this.changedFields.isEmpty() || facts.changedFields()
			.stream()
			.anyMatch((field) -> this.changedFields.stream()
				.anyMatch((wanted) -> field.equals(wanted) || field.startsWith(wanted + "[")
						|| field.startsWith(wanted + ".")));
	}

	private boolean departmentsTouchedMet(EventFacts facts) {
		return this.departmentsTouched.isEmpty()
				|| this.departmentsTouched.stream().anyMatch((d) -> facts.departmentsNamed().contains(d));
	}

	private boolean orderValueMet(EventFacts facts) {
		if (this.minOrderValue == null) {
			return true;
		}
		EventFacts.Money total = facts.total();
		return total != null && total.amount() != null && this.minOrderValue.currency().equals(total.currency())
				&& total.amount().compareTo(this.minOrderValue.amount()) >= 0;
	}

	/** An amount of money: a decimal and its ISO 4217 currency. */
	public record Money(BigDecimal amount, String currency) {
	}

}
