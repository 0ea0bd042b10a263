package com.chairside.platform.web;

/**
 * A field of the request that passed bean validation but is still wrong against the service's data (an unknown SKU, a
 * line given twice): 400 naming the field, like any other invalid body.
 */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
