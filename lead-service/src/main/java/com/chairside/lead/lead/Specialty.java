package com.chairside.lead.lead;

/** The clinical specialty of a practice, which decides the equipment it needs. */
public enum Specialty {

	ORTHODONTICS, ORAL_SURGERY, PEDIATRIC_DENTISTRY, GENERAL_DENTISTRY

}
