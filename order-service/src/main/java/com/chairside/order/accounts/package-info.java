/** The accounts order-service needs to know: an event-fed local view, with account-service asked over HTTP as fallback. */
package com.chairside.order.accounts;
