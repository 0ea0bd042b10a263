package com.chairside.lead.lead;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Normalised e-mail, phone and name+postal-code of a lead, stored with it so duplicates are found by plain equality.
 * Names lose case, accents, punctuation and title noise ("Dr.", "DDS", "LLC"), so "Dr. Müller Dental, LLC" and
 * "muller dental" match; letters of any script are kept, so "歯科" still has a key.
 */
public record MatchKeys(String email, String phone, String namePostalCode) {

	private static final Set<String> NOISE = Set.of("dr", "dds", "dmd", "md", "phd", "msc", "bds", "llc", "inc",
			"ltd", "pc", "pa", "pllc", "gmbh", "sl", "sa", "sas", "srl", "the", "and");

	public static MatchKeys of(String email, String phone, String name, String postalCode) {
		String postal = postalCodeKey(postalCode);
		String nameKey = nameKey(name);
		return new MatchKeys(emailKey(email), phoneKey(phone),
				(postal != null && nameKey != null) ? nameKey + "|" + postal : null);
	}

	public static String emailKey(String email) {
		return (email == null || email.isBlank()) ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	/** Digits only, at least six of them: "+1 (617) 555-0100" and "+16175550100" are the same phone. */
	public static String phoneKey(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		return (digits.length() < 6) ? null : digits;
	}

	public static String postalCodeKey(String postalCode) {
		if (postalCode == null) {
			return null;
		}
		String key = postalCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return key.isEmpty() ? null : key;
	}

	static String nameKey(String name) {
		if (name == null) {
			return null;
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		String key = Arrays.stream(plain.split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty() && !NOISE.contains(word))
			.collect(Collectors.joining(" "));
		return key.isEmpty() ? null : key;
	}

	public boolean isEmpty() {
		return this.email == null && this.phone == null && this.namePostalCode == null;
	}

}
