/**
 * The sales-meeting pack: targets against actuals (with the pace needed), lead funnel, pipeline and forecast, order
 * book, delivery performance, activity and market, for a region and a month, quarter or year, computed from the
 * projections when asked.
 */
package com.chairside.reporting.meeting;
