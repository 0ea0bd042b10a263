/** reporting-service: the numbers a sales meeting runs on, rebuilt from the event log. */
package com.chairside.reporting;
