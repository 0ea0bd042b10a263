package com.chairside.platform.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How text is compared in search: lower case, accents stripped, split into words of letters and digits. */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchText() {
	}

	/** "Zahnärztin Ørsted" becomes "zahnarztin orsted"; null stays null. */
	public static String fold(String text) {
		if (text == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		// letters that do not decompose into a base letter and a mark
		return folded.replace("ø", "o").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ł", "l")
			.replace("đ", "d").replace("ı", "i");
	}

	/** The folded words of the text, in order; empty for null or blank. */
	public static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(NOT_WORD.split(fold(text))).filter((word) -> !word.isEmpty()).toList();
	}

	/** The digits of the text only: "+1 (617) 555-0100" becomes "16175550100". */
	public static String digits(String text) {
		return (text == null) ? "" : text.replaceAll("[^0-9]", "");
	}

	/** Letters and digits only, folded: "SO-2026-000042" becomes "so2026000042". */
	public static String compact(String text) {
		return String.join("", words(text));
	}

	static boolean hasLetter(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

}
