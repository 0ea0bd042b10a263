/** Learns customers from order-service's OrderConfirmed events (a tolerant reader of chairside.orders). */
package com.chairside.account.orders;
