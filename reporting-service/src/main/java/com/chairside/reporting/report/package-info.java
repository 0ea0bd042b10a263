/** The reports read from the projections, scoped to what the user may see. */
package com.chairside.reporting.report;
