package com.chairside.lead.lead;

import java.util.List;

/** Qualification refused by the BANT gate: 422 {@code QUALIFICATION_GATE} with the list of what is missing. */
public class QualificationGateException extends RuntimeException {

	private final transient Qualification qualification;

	QualificationGateException(Qualification qualification) {
		super("The lead cannot be qualified yet; missing: " + String.join(", ", qualification.missing()));
		this.qualification = qualification;
	}

	public List<String> missing() {
		return this.qualification.missing();
	}

	public Qualification qualification() {
		return this.qualification;
	}

}
