/** The owners of accounts and the resellers serving them, kept from account-service's events (a tolerant reader). */
package com.chairside.notification.accounts;
