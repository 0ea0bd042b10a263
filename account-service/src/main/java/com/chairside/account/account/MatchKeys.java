package com.chairside.account.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The keys on which two accounts are the same practice: "Clínica Dental Peña, S.L." and "clinica dental pena sl" have
 * one name key; "02 115" and "02115" one postal-code key; tax ids compare without punctuation.
 */
final class MatchKeys {

	private MatchKeys() {
	}

	static String name(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String key = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
		return key.isEmpty() ? null : key;
	}

	static String postalCode(String postalCode) {
		return alphanumeric(postalCode);
	}

	static String taxId(String taxId) {
		return alphanumeric(taxId);
	}

	private static String alphanumeric(String value) {
		if (value == null) {
			return null;
		}
		String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		return key.isEmpty() ? null : key;
	}

}
