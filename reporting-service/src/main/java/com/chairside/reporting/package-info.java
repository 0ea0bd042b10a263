/**
 * reporting-service: the numbers a sales meeting runs on (the sales-meeting pack as JSON, CSV and PDF), from
 * projections of every event that can be rebuilt from the event log at any time.
 */
package com.chairside.reporting;
