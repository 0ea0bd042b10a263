package com.chairside.notification.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people this service tells by name ({@code chairside.notifications.people}: user id → e-mail, role, region).
 * There is no user directory service: in the embedded default this list, the dev users of the identity provider,
 * stands in for the company directory; in production it is configured from it (or replaced by a reader of it). It
 * answers who the sales managers of a region are (the approvers of its discounts and late cancellations) and where a
 * person's mail goes. User ids with dots are written as map keys in brackets ({@code "[sm.northeast]"}).
 *
 * @param people the people told by name: user id → e-mail, role, region
 */
@ConfigurationProperties("chairside.notifications")
public record People(Map<String, Person> people) {

	public People {
		people = (people != null) ? new TreeMap<>(people) : Map.of();
	}

	/**
	 * The sales managers of {@code region}, by user id: those of that region and those without one (who manage every
	 * region). Never another region's.
	 */
	public List<String> salesManagersOf(String region) {
		return this.people.entrySet()
			.stream()
			.filter((e) -> Person.SALES_MANAGER.equals(e.getValue().role()))
			.filter((e) -> e.getValue().region() == null || e.getValue().region().equals(region))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** The e-mail address of {@code user}, when the directory has one. */
	public Optional<String> emailOf(String user) {
		return Optional.ofNullable(this.people.get(user)).map(Person::email).filter((email) -> !email.isBlank());
	}

	/**
	 * One person of the directory.
	 *
	 * @param email where their mail goes
	 * @param role their role ({@code ACCOUNT_MANAGER}, {@code SALES_MANAGER}, ...), as in their token
	 * @param region their region; {@code null} for one who works every region
	 */
	public record Person(String email, String role, String region) {

		static final String SALES_MANAGER = "SALES_MANAGER";

	}

}
