package com.chairside.platform.web;

/** The resource does not exist, or the caller may not know that it does (another region's record): 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, String id) {
		super(what + " " + id + " not found");
	}

}
