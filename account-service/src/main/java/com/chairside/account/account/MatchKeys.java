package com.chairside.account.account;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys on which two accounts are the same practice: "Clínica Dental Peña, S.L." and "clinica dental pena sl" have
 * one name key (accents, punctuation, titles and legal forms aside); "02 115" and "02115" one postal-code key; tax ids
 * compare without punctuation.
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

	private static String alphanumeric(String value) {
		if (value == null) {
			return null;
		}
		String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		return key.isEmpty() ? null : key;
	}

}
