package com.chairside.notification.routing;

import java.util.List;

import com.chairside.notification.notification.Department;

/**
 * Who a rule tells.
 *
 * @param touchedDepartments the departments the event names as touched by the change (order-service knows)
 * @param accountOwner the owner the event is about: the account's owner (from the accounts this service follows), a
 * lead's new owner, both owners of a channel conflict
 * @param accountReseller the owner of the reseller account the customer is served through
 * @param people named users (user ids)
 * @param regionSalesManagers the sales managers of the event's region, each by name (from the people directory)
 * @param requester the person who asked for what the event decides ({@code requestedBy}: a discount, a cancellation)
 */
public record RuleRecipients(List<Department> departments, Boolean touchedDepartments, Boolean accountOwner,
		Boolean accountReseller, List<String> people, Boolean regionSalesManagers, Boolean requester) {

	public RuleRecipients {
		touchedDepartments = Boolean.TRUE.equals(touchedDepartments);
		accountOwner = Boolean.TRUE.equals(accountOwner);
		accountReseller = Boolean.TRUE.equals(accountReseller);
		regionSalesManagers = Boolean.TRUE.equals(regionSalesManagers);
		requester = Boolean.TRUE.equals(requester);
		departments = (departments != null) ? List.copyOf(departments) : List.of();
		people = (people != null) ? List.copyOf(people) : List.of();
	}

	public RuleRecipients(List<Department> departments, Boolean touchedDepartments, Boolean accountOwner,
			Boolean accountReseller, List<String> people) {
		this(departments, touchedDepartments, accountOwner, accountReseller, people, false, false);
	}

	boolean nobody() {
		return this.departments.isEmpty() && !this.touchedDepartments && !this.accountOwner && !this.accountReseller
				&& this.people.isEmpty() && !this.regionSalesManagers && !this.requester;
	}

}
