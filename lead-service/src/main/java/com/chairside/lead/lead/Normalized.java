package com.chairside.lead.lead;

import java.util.Locale;

/** How e-mail, phone and postal code are stored: the form shown, not the match key. */
final class Normalized {

	private Normalized() {
	}

	static String email(String email) {
		return MatchKeys.emailKey(email);
	}

	/** Keeps a leading '+' and the digits, so "+1 (617) 555-0100" is stored as "+16175550100". */
	static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		return phone.strip().startsWith("+") ? "+" + digits : digits;
	}

	/** Upper case, single spaces: "sw1a  1aa" becomes "SW1A 1AA". */
	static String postalCode(String postalCode) {
		if (postalCode == null || postalCode.isBlank()) {
			return null;
		}
		return postalCode.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
	}

	static String text(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
