package com.chairside.identity;

import java.util.List;

/**
 * One entry of the users file: who signs in, and the claims their tokens carry.
 *
 * @param username the sign-in name and the tokens' {@code sub}
 * @param password an encoded password ({@code {bcrypt}...}); none means the file's default
 * @param roles the {@code roles} claim
 * @param region the {@code region} claim, or none
 * @param department the {@code department} claim, or none
 */
public record Person(String username, String password, List<String> roles, String region, String department) {

	public Person {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

}
