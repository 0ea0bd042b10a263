package com.chairside.notification.customer;

import java.util.Locale;
import java.util.Set;

/** The languages practices are written to; anything else falls back to English. */
final class Languages {

	static final Set<String> SUPPORTED = Set.of("en", "de");

	private Languages() {
	}

	static String supported(String language) {
		String lower = (language != null) ? language.strip().toLowerCase(Locale.ROOT) : "";
		return SUPPORTED.contains(lower) ? lower : "en";
	}

}
