package com.chairside.platform.web;

/**
 * A well-formed request that a business rule refuses (qualifying a lead without a decision maker, changing a cancelled
 * order): 422, with a stable {@code code} a client can branch on.
 */
public class RuleViolationException extends RuntimeException {

	private final String code;

	public RuleViolationException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
