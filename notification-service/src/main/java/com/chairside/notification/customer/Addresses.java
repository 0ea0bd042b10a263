package com.chairside.notification.customer;

/** E-mail addresses as they may appear in events and logs: the first letter of the mailbox and the domain. */
final class Addresses {

	private Addresses() {
	}

	static String masked(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}
