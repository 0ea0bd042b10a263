/** The mails notification-service sent a practice about its orders, on the account's timeline. */
package com.chairside.account.customermail;
