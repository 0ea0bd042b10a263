package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.chairside.platform.web.InvalidFieldException;

/** Every projection of the service, by name and by topic. */
@Component
public class Projections {

	public static final String ALL = "all";

	private final List<Projection> all;

	Projections(List<Projection> all) {
		this.all = List.copyOf(all);
	}

	public List<Projection> all() {
		return this.all;
	}

	public Projection named(String name) {
		return this.all.stream()
			.filter((p) -> p.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No projection " + name));
	}

	/** The projections {@code name} stands for: one, or every one for {@code all} (or none given). */
	public List<Projection> select(String name) {
		if (name == null || name.isBlank() || ALL.equals(name)) {
			return this.all;
		}
		return this.all.stream()
			.filter((p) -> p.name().equals(name))
			.findFirst()
			.map(List::of)
			.orElseThrow(() -> new InvalidFieldException("projection",
					"must be one of " + names() + " or " + ALL + ", not '" + name + "'"));
	}

	public List<Projection> ofTopic(String topic) {
		return this.all.stream().filter((p) -> p.topic().equals(topic)).toList();
	}

	public Set<String> topics(List<Projection> projections) {
		Set<String> topics = new LinkedHashSet<>();
		projections.forEach((p) -> topics.add(p.topic()));
		return topics;
	}

	public List<String> names() {
		List<String> names = new ArrayList<>();
		this.all.forEach((p) -> names.add(p.name()));
		return names;
	}

}
