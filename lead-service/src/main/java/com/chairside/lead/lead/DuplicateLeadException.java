package com.chairside.lead.lead;

/** The lead matches one already in the database: 409 {@code DUPLICATE_LEAD} naming the existing lead. */
public class DuplicateLeadException extends RuntimeException {

	private final String existingId;

	private final String matchedOn;

	public DuplicateLeadException(String existingId, String matchedOn) {
		super("This lead matches lead " + existingId + " (same " + matchedOn
				+ "); merge them, or repeat with ?allowDuplicate=true to keep both");
		this.existingId = existingId;
		this.matchedOn = matchedOn;
	}

	public String existingId() {
		return this.existingId;
	}

	public String matchedOn() {
		return this.matchedOn;
	}

}
