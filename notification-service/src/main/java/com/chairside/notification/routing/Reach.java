package com.chairside.notification.routing;

import java.util.List;
import java.util.Set;

import com.chairside.notification.notification.Department;

/** Who an event reaches: departments, people (user ids), and the rules that said so. */
public record Reach(Set<Department> departments, Set<String> people, List<String> rules) {

	public boolean nobody() {
		return this.departments.isEmpty() && this.people.isEmpty();
	}

}
