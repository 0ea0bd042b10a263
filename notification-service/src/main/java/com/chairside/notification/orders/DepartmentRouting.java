package com.chairside.notification.orders;

import java.util.EnumSet;
import java.util.Set;

import com.chairside.notification.notification.Department;

/**
 * Which departments an order event concerns. Sales administration, production and logistics hear of every change
 * (the promise made to the departments from the start: none of them must learn of a change late); beyond them a change
 * goes to the departments order-service names in the event ({@code departments}: it knows what the change touches); a
 * department this service does not know is skipped. An older change without that list falls back to the rules from before: sales
 * administration, production and logistics hear of every change, installation when the delivery date moves, finance
 * when the value moves. Everyone hears of a cancellation.
 */
final class DepartmentRouting {

	private DepartmentRouting() {
	}

	static Set<Department> departmentsFor(String eventName, OrderEvent order) {
		return switch (eventName) {
			case "OrderPlaced" -> EnumSet.of(Department.SALES_ADMINISTRATION, Department.PRODUCTION,
					Department.LOGISTICS, Department.FINANCE);
			case "OrderChanged" -> (order.departments() != null && !order.departments().isEmpty()) ? named(order)
					: changed(order);
			case "OrderCancelled" -> EnumSet.allOf(Department.class);
			default -> EnumSet.noneOf(Department.class);
		};
	}

	private static Set<Department> named(OrderEvent order) {
		Set<Department> departments = EnumSet.of(Department.SALES_ADMINISTRATION, Department.PRODUCTION,
				Department.LOGISTICS);
		for (String name : order.departments()) {
			for (Department department : Department.values()) {
				if (department.name().equals(name)) {
					departments.add(department);
				}
			}
		}
		return departments;
	}

	private static Set<Department> changed(OrderEvent order) {
		Set<Department> departments = EnumSet.of(Department.SALES_ADMINISTRATION, Department.PRODUCTION,
				Department.LOGISTICS);
		if (order.changes() != null) {
			for (OrderEvent.Change change : order.changes()) {
				if (change.field().equals("requestedDeliveryDate")) {
					departments.add(Department.INSTALLATION);
				}
				if (change.field().equals("total")) {
					departments.add(Department.FINANCE);
				}
			}
		}
		return departments;
	}

}
