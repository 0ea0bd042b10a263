/** Reads order events (a tolerant reader of chairside.orders) and decides which departments each concerns. */
package com.chairside.notification.orders;
