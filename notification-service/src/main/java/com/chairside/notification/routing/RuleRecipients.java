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
 */
public record RuleRecipients(List<Department> departments, Boolean touchedDepartments, Boolean accountOwner,
		Boolean accountReseller, List<String> people) {

	public RuleRecipients {
		touchedDepartments = Boolean.TRUE.equals(touchedDepartments);
		accountOwner = Boolean.TRUE.equals(accountOwner);
		accountReseller = Boolean.TRUE.equals(accountReseller);
		departments = (departments != null) ? List.copyOf(departments) : List.of();
		people = (people != null) ? List.copyOf(people) : List.of();
	}

	boolean nobody() {
		return this.departments.isEmpty() && !this.touchedDepartments && !this.accountOwner && !this.accountReseller
				&& this.people.isEmpty();
	}

}
