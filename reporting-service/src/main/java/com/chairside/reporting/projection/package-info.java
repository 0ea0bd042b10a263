/** Applying events to projections exactly once in effect: only an event newer than what was applied counts. */
package com.chairside.reporting.projection;
