package com.chairside.lead.lead;

/**
 * The lead matches one already in the database: 409 {@code DUPLICATE_LEAD} naming the existing lead, or, when that
 * lead is in a region the caller cannot read, saying only that a match exists there and whom to ask (its id stays
 * unknown to them, as the lead itself is).
 */
public class DuplicateLeadException extends RuntimeException {

	private final String existingId;

	private final String matchedOn;

	private final String elsewhereIn;

	public DuplicateLeadException(String existingId, String matchedOn) {
		super("This lead matches lead " + existingId + " (same " + matchedOn
				+ "); merge them, or repeat with ?allowDuplicate=true to keep both");
		this.existingId = existingId;
		this.matchedOn = matchedOn;
		this.elsewhereIn = null;
	}

	private DuplicateLeadException(String matchedOn, String region, boolean elsewhere) {
		super("A lead with the same " + matchedOn + " exists in a region you cannot read; ask the sales manager of "
				+ region + " about it, or repeat with ?allowDuplicate=true to keep both");
		this.existingId = null;
		this.matchedOn = matchedOn;
		this.elsewhereIn = region;
	}

	/** The same match, told to someone who may not read the existing lead, which is in {@code region}. */
	public DuplicateLeadException elsewhere(String region) {
		return new DuplicateLeadException(this.matchedOn, region, true);
	}

	/** The existing lead's id, or {@code null} when the caller may not read it. */
	public String existingId() {
		return this.existingId;
	}

	public String matchedOn() {
		return this.matchedOn;
	}

	/** The region of a match the caller may not read (its sales manager is the one to ask), else {@code null}. */
	public String elsewhereIn() {
		return this.elsewhereIn;
	}

}
