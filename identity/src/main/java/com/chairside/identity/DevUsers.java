package com.chairside.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people in the users file. Read once at start; a user whose role, region or department the file does not know
 * stops the provider from starting rather than issuing tokens the services would refuse.
 */
public final class DevUsers implements UserDetailsService {

	private static final Set<String> ROLES = Set.of("ACCOUNT_MANAGER", "SALES_MANAGER", "SALES_ADMIN", "DEPARTMENT",
			"ADMIN");

	private final Map<String, Person> people = new LinkedHashMap<>();

	private final String defaultPassword;

	private DevUsers(UsersFile file) {
		this.defaultPassword = file.defaultPassword();
		List<String> problems = new ArrayList<>();
		for (Person person : file.users()) {
			problems.addAll(check(person, file));
			if (this.people.put(person.username(), person) != null) {
				problems.add(person.username() + " is listed twice");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The users file is wrong: " + String.join("; ", problems));
		}
	}

	/** Reads and checks the users file. */
	public static DevUsers from(Resource resource) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("users", resource);
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			UsersFile file = binder.bind("", Bindable.of(UsersFile.class))
				.orElseThrow(() -> new IllegalStateException("The users file " + resource + " is empty"));
			return new DevUsers(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the users file " + resource, ex);
		}
	}

	private static List<String> check(Person person, UsersFile file) {
		List<String> problems = new ArrayList<>();
		String who = person.username();
		if (person.roles().isEmpty() || !ROLES.containsAll(person.roles())) {
			problems.add(who + " needs roles out of " + ROLES);
		}
		if (person.region() != null && !file.regions().contains(person.region())) {
			problems.add(who + ": region " + person.region() + " is not one of " + file.regions());
		}
		if (person.department() != null && !file.departments().contains(person.department())) {
			problems.add(who + ": department " + person.department() + " is not one of " + file.departments());
		}
		if (person.roles().contains("ACCOUNT_MANAGER") && person.region() == null) {
			problems.add(who + ": an account manager needs a region");
		}
		if (person.roles().contains("DEPARTMENT") && person.department() == null) {
			problems.add(who + ": a department user needs a department");
		}
		if (person.password() == null && file.defaultPassword() == null) {
			problems.add(who + " has no password and the file no default-password");
		}
		return problems;
	}

	public Optional<Person> find(String username) {
		return Optional.ofNullable(this.people.get(username));
	}

	public List<Person> all() {
		return List.copyOf(this.people.values());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Person person = find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return User.withUsername(person.username())
			.password((person.password() != null) ? person.password() : this.defaultPassword)
			.roles(person.roles().toArray(String[]::new))
			.build();
	}

	/** The users file as written. */
	record UsersFile(List<String> regions, List<String> departments, String defaultPassword, List<Person> users) {

		UsersFile {
			regions = (regions != null) ? regions : List.of();
			departments = (departments != null) ? departments : List.of();
			users = (users != null) ? users : List.of();
		}

	}

}
