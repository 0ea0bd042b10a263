/** HTTP adapter of activities: logging, the timeline, overdue next steps. */
package com.chairside.account.activity.web;
