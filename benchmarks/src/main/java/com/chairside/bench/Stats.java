package com.chairside.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rounds of one side of a benchmark: the median is the figure reported, min and max show the spread. */
final class Stats {

	private final List<Double> values = new ArrayList<>();

	void add(double value) {
		this.values.add(value);
	}

	double median() {
		List<Double> sorted = sorted();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	double min() {
		return sorted().get(0);
	}

	double max() {
		return sorted().get(this.values.size() - 1);
	}

	private List<Double> sorted() {
		if (this.values.isEmpty()) {
			return List.of(Double.NaN);
		}
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		return sorted;
	}

}
