package com.chairside.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.query.Criteria;

import com.chairside.platform.web.InvalidFieldException;

/**
 * A search as typed: each word must match the start of one of a document's {@link SearchTerms}. A word is folded
 * like the terms; one holding an {@code @} or a digit is kept whole (an e-mail, an order number) and also tried with
 * its letters and digits only; other words split at punctuation ("smile-ortho" is two words). A query of digits and
 * punctuation only is one phone number ("+1 (617) 555-0100").
 */
public final class SearchQuery {

	/** Longest query accepted. */
	public static final int MAX_LENGTH = 200;

	/** Most results one service answers. */
	public static final int MAX_SIZE = 50;

	/** Results answered when no size is asked for. */
	public static final int DEFAULT_SIZE = 20;

	private static final Pattern REGEX_SPECIAL = Pattern.compile("([^\\p{L}\\p{N}])");

	private final List<List<String>> words;

	private SearchQuery(List<List<String>> words) {
		this.words = words;
	}

	/** Reads {@code q}; blank, too long or without a letter or digit is a 400 naming {@code q}. */
	public static SearchQuery parse(String q) {
		if (q == null || q.isBlank()) {
			throw new InvalidFieldException("q", "is required: the text to search for");
		}
		if (q.length() > MAX_LENGTH) {
			throw new InvalidFieldException("q", "must be at most " + MAX_LENGTH + " characters");
		}
		List<List<String>> words = new ArrayList<>();
		if (!SearchText.hasLetter(q) && !q.contains("@")) {
			String digits = SearchText.digits(q);
			if (!digits.isEmpty()) {
				words.add(List.of(digits));
			}
		}
		else {
			for (String token : SearchText.fold(q.strip()).split("\\s+")) {
				if (token.contains("@") || token.chars().anyMatch(Character::isDigit)) {
					LinkedHashSet<String> forms = new LinkedHashSet<>();
					forms.add(token);
					forms.add(SearchText.compact(token));
					forms.remove("");
					if (!forms.isEmpty()) {
						words.add(List.copyOf(forms));
					}
				}
				else {
					SearchText.words(token).forEach((word) -> words.add(List.of(word)));
				}
			}
		}
		if (words.isEmpty()) {
			throw new InvalidFieldException("q", "must contain a letter or a digit");
		}
		return new SearchQuery(List.copyOf(words));
	}

	/** Checks a requested number of results, {@value #DEFAULT_SIZE} when none is asked for. */
	public static int size(Integer size) {
		if (size == null) {
			return DEFAULT_SIZE;
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
		}
		return size;
	}

	/** Each word with the forms it is tried in. */
	List<List<String>> words() {
		return this.words;
	}

	/** Every word matches the start of a stored term: one anchored regex per word on {@value SearchTerms#FIELD}. */
	public Criteria criteria() {
		return new Criteria().andOperator(this.words.stream()
			.map((forms) -> Criteria.where(SearchTerms.FIELD).regex(anchored(forms)))
			.toArray(Criteria[]::new));
	}

	private static String anchored(List<String> forms) {
		List<String> escaped = forms.stream().map((form) -> REGEX_SPECIAL.matcher(form).replaceAll("\\\\$1")).toList();
		return (escaped.size() == 1) ? "^" + escaped.get(0) : "^(?:" + String.join("|", escaped) + ")";
	}

}
