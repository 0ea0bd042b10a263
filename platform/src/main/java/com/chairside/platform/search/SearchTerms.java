package com.chairside.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The normalised terms of one document, stored in its {@value #FIELD} array on every save, each with the weight it
 * gives a match: words of names and places, whole values (e-mail, order number) and phone digits. A phone's digits are
 * stored with their tails of four digits or more, so an anchored prefix match finds a number by any part of it.
 */
public final class SearchTerms {

	/** The array field in every searchable document. */
	public static final String FIELD = "searchTerms";

	private static final int SHORTEST_DIGIT_TAIL = 4;

	private final List<Term> terms = new ArrayList<>();

	/** Each word of the text (a practice's name, a city). */
	public SearchTerms words(String text, int weight) {
		SearchText.words(text).forEach((word) -> add(word, weight));
		return this;
	}

	/** The whole value, folded, and its letters and digits run together (an e-mail address, an order number). */
	public SearchTerms whole(String text, int weight) {
		if (text != null && !text.isBlank()) {
			add(SearchText.fold(text.strip()), weight);
			add(SearchText.compact(text), weight);
		}
		return this;
	}

	/** A number's digits and each tail of them (a phone number, whatever its punctuation). */
	public SearchTerms digits(String text, int weight) {
		String digits = SearchText.digits(text);
		if (digits.length() >= SHORTEST_DIGIT_TAIL) {
			add(digits, weight);
			for (int start = 1; digits.length() - start >= SHORTEST_DIGIT_TAIL; start++) {
				add(digits.substring(start), weight - 1);
			}
		}
		return this;
	}

	private void add(String term, int weight) {
		if (!term.isEmpty()) {
			this.terms.add(new Term(term, Math.max(weight, 1)));
		}
	}

	/** The distinct terms, as stored. */
	public List<String> terms() {
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		this.terms.forEach((term) -> distinct.add(term.text()));
		return List.copyOf(distinct);
	}

	/**
	 * How well these terms answer the query: per query word the best of its matches (weight, full for an equal term,
	 * less for a prefix the shorter it is), summed; 0 when a word matches nothing.
	 */
	public double score(SearchQuery query) {
		double total = 0;
		for (List<String> word : query.words()) {
			double best = 0;
			for (Term term : this.terms) {
				for (String form : word) {
					if (term.text().startsWith(form)) {
						double closeness = term.text().equals(form) ? 1.0
								: 0.5 + 0.4 * form.length() / term.text().length();
						best = Math.max(best, term.weight() * closeness);
					}
				}
			}
			if (best == 0) {
				return 0;
			}
			total += best;
		}
		return Math.round(total * 1000) / 1000.0;
	}

	private record Term(String text, int weight) {
	}

}
