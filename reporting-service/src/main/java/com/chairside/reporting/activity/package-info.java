/**
 * What account managers do: activities (calls, visits, conferences...) from ActivityLogged and demos from
 * {@code chairside.demos}, one document each, for the activity section of the sales-meeting pack.
 */
package com.chairside.reporting.activity;
