/**
 * The regional lead-generation plan: per region and period (a month or a year) how many leads to capture, qualify and
 * convert and what to book. Set by the region's sales manager; published as {@code TargetSet} on
 * {@code chairside.targets}, which reporting-service holds against what happened.
 */
package com.chairside.lead.target;
