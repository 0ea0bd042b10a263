package com.chairside.order.catalog;

/** What kind of equipment a product is. */
public enum Category {

	EXAM_CHAIR, TREATMENT_CHAIR, DELIVERY_UNIT, CUSTOM_CABINETRY

}
