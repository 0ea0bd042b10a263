package com.chairside.order.order;

/** One thing an order change altered, as the departments read it: {@code lines[TC-ORTHO-200].quantity 2 -> 3}. */
public record Change(String field, String before, String after) {

	/** Which department must act on a change of this field. */
	Department department() {
		if (this.field.equals("requestedDeliveryDate") || this.field.equals("deliverySite")) {
			return Department.LOGISTICS;
		}
		if (this.field.equals("total") || this.field.endsWith(".discountPercent") || this.field.endsWith(".unitPrice")) {
			return Department.FINANCE;
		}
		return Department.PRODUCTION;
	}

}
