package com.chairside.account.account;

import java.util.Locale;
import java.util.Set;

/**
 * Who at the practice receives its order mail: the contact marked for it, else the practice's own e-mail; nobody
 * ({@code email} null) when that contact opted out, since a practice that asked not to be mailed is not mailed at
 * another address instead. {@code language} is the account's ({@code en} or {@code de}).
 */
public record OrderMailRecipient(String contactId, String email, String language) {

	/** The languages practices are written to. */
	public static final Set<String> LANGUAGES = Set.of("en", "de");

	private static final Set<String> GERMAN_SPEAKING = Set.of("DE", "AT", "CH", "LI");

	/** The language a practice in {@code country} (ISO 3166 code or name) is written to by default. */
	public static String languageOf(String country) {
		String code = (country != null) ? country.strip().toUpperCase(Locale.ROOT) : "";
		return (GERMAN_SPEAKING.contains(code) || code.equals("GERMANY") || code.equals("AUSTRIA")
				|| code.equals("SWITZERLAND") || code.equals("DEUTSCHLAND") || code.equals("ÖSTERREICH")) ? "de" : "en";
	}

}
