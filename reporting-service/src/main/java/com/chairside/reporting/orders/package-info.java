/**
 * Order figures: each order from draft to delivery (value by product line, changes and their value effect,
 * cancellation and reason, committed delivery date, risks and misses), for the order book, the forecast and delivery
 * performance.
 */
package com.chairside.reporting.orders;
