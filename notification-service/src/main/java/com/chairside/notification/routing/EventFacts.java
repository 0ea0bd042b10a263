package com.chairside.notification.routing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.chairside.notification.notification.Change;
import com.chairside.notification.notification.Department;

/**
 * The fields of the events this service notifies of (order, delivery-commitment, lead-assignment and channel-conflict
 * events) that rules look at and recipients read: one tolerant reader for all, since they share most of them and each
 * lacks the others'. {@code departments} (OrderChanged) names the departments a change touches. Every order event
 * carries {@code orderNumber}, what people call the order; the approvals carry who asked ({@code requestedBy}) and
 * who decided ({@code decidedBy}, {@code approvedBy} on a cancellation).
 */
public record EventFacts(String orderId, String orderNumber, String leadId, String accountId, String region,
		String reason, List<Change> changes, List<Line> lines, Money total, LocalDate requestedDeliveryDate,
		LocalDate committedDeliveryDate, List<String> departments, String owner, String previousOwner,
		String directOwner, String resellerServedOwner, String directAccountId, String resellerServedAccountId,
		Integer daysLate, Integer slackDays, String status, String discountPercent, Money value,
		String requestedBy, String decidedBy, String approvedBy, String requestReason) {

	public EventFacts {
		changes = (changes != null) ? changes : List.of();
		lines = (lines != null) ? lines : List.of();
		departments = (departments != null) ? departments : List.of();
	}

	/** The departments the event names that this service knows; others are skipped. */
	public Set<Department> departmentsNamed() {
		Set<Department> named = EnumSet.noneOf(Department.class);
		for (String name : this.departments) {
			for (Department department : Department.values()) {
				if (department.name().equals(name)) {
					named.add(department);
				}
			}
		}
		return named;
	}

	public List<String> changedFields() {
		return this.changes.stream().map(Change::field).filter((f) -> f != null).toList();
	}

	public Set<String> productLines() {
		Set<String> productLines = new LinkedHashSet<>();
		this.lines.stream().map(Line::productLine).filter((l) -> l != null).forEach(productLines::add);
		return productLines;
	}

	/** The owners the event itself names: a lead's new owner, both owners of a channel conflict. */
	public List<String> ownersNamed() {
		List<String> owners = new ArrayList<>();
		for (String owner : new String[] { this.owner, this.directOwner, this.resellerServedOwner }) {
			if (owner != null && !owner.isBlank() && !owners.contains(owner)) {
				owners.add(owner);
			}
		}
		return owners;
	}

	public record Line(String sku, String productLine, int quantity) {
	}

	public record Money(BigDecimal amount, String currency) {

		@Override
		public String toString() {
			return this.amount.toPlainString() + " " + this.currency;
		}

	}

}
