package com.chairside.notification.customer;

/** PENDING until sent; SKIPPED when the practice has nobody to mail (opted out, no address, account never heard of). */
enum CustomerMailStatus {

	PENDING, SENT, SKIPPED

}
