package com.chairside.lead.lead;

/** The equipment categories a practice is interested in. */
public enum ProductInterest {

	EXAM_CHAIR, TREATMENT_CHAIR, DELIVERY_UNIT, CUSTOM_CABINETRY

}
