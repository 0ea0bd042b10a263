/** Reads the events people are told of (tolerant readers of chairside.orders, .leads and .accounts). */
package com.chairside.notification.intake;
