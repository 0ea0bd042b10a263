package com.chairside.notification.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.chairside.notification.accounts.AccountDirectory;
import com.chairside.notification.notification.Department;
import com.chairside.notification.people.People;

/** Decides who an event reaches, by the stored rules. */
@Service
public class Routing {

	private final RuleCache rules;

	private final AccountDirectory accounts;

	private final People directory;

	Routing(RuleCache rules, AccountDirectory accounts, DefaultRules defaults, People directory) {
		this.rules = rules;
		this.directory = directory;
		this.accounts = accounts;
		// Seeded before the first event is routed: the consumers depend on this bean.
		defaults.seed();
	}

	public Reach reach(String eventName, EventFacts facts) {
		Set<Department> departments = EnumSet.noneOf(Department.class);
		Set<String> people = new LinkedHashSet<>();
		List<String> matched = new ArrayList<>();
		for (RoutingRule rule : this.rules.of(eventName)) {
			if (!rule.matches(facts)) {
				continue;
			}
			matched.add(rule.id());
			RuleRecipients recipients = rule.recipients();
			departments.addAll(recipients.departments());
			if (recipients.touchedDepartments()) {
				departments.addAll(facts.departmentsNamed());
			}
			if (recipients.accountOwner()) {
				List<String> named = facts.ownersNamed();
				if (!named.isEmpty()) {
					people.addAll(named);
				}
				else {
					this.accounts.ownerOf(facts.accountId()).ifPresent(people::add);
				}
			}
			if (recipients.accountReseller()) {
				this.accounts.resellerOwnerOf(facts.accountId()).ifPresent(people::add);
			}
			if (recipients.regionSalesManagers() && facts.region() != null) {
				people.addAll(this.directory.salesManagersOf(facts.region()));
			}
			if (recipients.requester() && facts.requestedBy() != null && !facts.requestedBy().isBlank()) {
				people.add(facts.requestedBy());
			}
			people.addAll(recipients.people());
		}
		return new Reach(departments, people, matched);
	}

}
