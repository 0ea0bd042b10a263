package com.chairside.account.account;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys on which two accounts are the same practice: "Clínica Dental Peña, S.L." and "clinica dental pena sl" have
 * one name key (accents, punctuation, titles and legal forms aside); "02 115" and "02115" one postal-code key; tax ids
 * compare without punctuation; e-mail addresses without case, phone numbers by their digits.
 */
final class MatchKeys {

	/** Titles and legal forms that do not tell one practice from another. */
	private static final Set<String> NOISE = Set.of("the", "dr", "dds", "dmd", "pc", "pa", "llc", "pllc", "inc", "ltd",
			"sl", "sa", "gmbh", "srl", "bv");

	private MatchKeys() {
	}

	static String name(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		String key = Arrays.stream(plain.replaceAll("[.'\u2019]", "").split("[^a-z0-9]+"))
			.filter((word) -> !word.isEmpty() && !NOISE.contains(word))
			.collect(Collectors.joining(" "));
		return key.isEmpty() ? null : key;
	}

	static String postalCode(String postalCode) {
		return alphanumeric(postalCode);
	}

	static String taxId(String taxId) {
		return alphanumeric(taxId);
	}

	static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** The digits; "+1 (617) 555-0100" and "16175550100" are one phone. */
	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		return digits.isEmpty() ? null : digits;
	}

	private static String alphanumeric(String value) {
		if (value == null) {
			return null;
		}
		String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		return key.isEmpty() ? null : key;
	}

}
