/** HTTP adapter of reports. */
package com.chairside.reporting.report.web;
