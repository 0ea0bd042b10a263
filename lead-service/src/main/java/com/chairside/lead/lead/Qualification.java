package com.chairside.lead.lead;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * BANT: budget (an estimated value), authority (a decision maker among the contacts), need (product interests) and
 * timeline (an expected decision date). Each is worth 25 points; the first three are the gate to qualification, the
 * timeline only counts in the score.
 */
public record Qualification(int score, List<String> reasons, List<String> missing) {

	public static final String DECISION_MAKER_REQUIRED = "DECISION_MAKER_REQUIRED";

	public static final String BUDGET_REQUIRED = "BUDGET_REQUIRED";

	public static final String NEED_REQUIRED = "NEED_REQUIRED";

	static Qualification of(Lead lead, LocalDate today) {
		int score = 0;
		List<String> reasons = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		if (lead.estimatedValue() != null) {
			score += 25;
			reasons.add("budget: estimated value " + lead.estimatedValue().amount() + " " + lead.estimatedValue().currency());
		}
		else {
			reasons.add("budget unknown: no estimated value");
			missing.add(BUDGET_REQUIRED);
		}
		if (lead.contacts().stream().anyMatch(Contact::decidesPurchase)) {
			score += 25;
			reasons.add("authority: a decision maker is identified");
		}
		else {
			reasons.add("authority unknown: no decision maker among the contacts");
			missing.add(DECISION_MAKER_REQUIRED);
		}
		if (!lead.productInterests().isEmpty()) {
			score += 25;
			reasons.add("need: interested in " + lead.productInterests().stream().map(Enum::name).sorted().toList());
		}
		else {
			reasons.add("need unknown: no product interests");
			missing.add(NEED_REQUIRED);
		}
		LocalDate decision = lead.expectedDecisionDate();
		if (decision == null) {
			reasons.add("timeline unknown: no expected decision date");
		}
		else if (decision.isBefore(today.plusMonths(13))) {
			score += 25;
			reasons.add("timeline: decision expected by " + decision);
		}
		else {
			score += 10;
			reasons.add("timeline: decision not before " + decision + " (more than a year away)");
		}
		return new Qualification(score, List.copyOf(reasons), List.copyOf(missing));
	}

	public boolean passesGate() {
		return this.missing.isEmpty();
	}

}
