package com.chairside.platform.web;

/** The request clashes with the current state (a duplicate, a stale version): 409. */
public class ConflictException extends RuntimeException {

	private final String code;

	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
