package com.chairside.account.account.installed;

/**
 * What kind of equipment an installed unit is: the catalogue's categories, which describe any maker's units (the
 * catalogue's own product lines, orthodontic, oral-surgery and pediatric, are the company's and say nothing about a
 * competitor's chair).
 */
public enum EquipmentCategory {

	EXAM_CHAIR, TREATMENT_CHAIR, DELIVERY_UNIT, CUSTOM_CABINETRY

}
