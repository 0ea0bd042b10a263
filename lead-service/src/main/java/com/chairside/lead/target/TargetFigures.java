package com.chairside.lead.target;

import com.chairside.lead.lead.Money;

/** What a region is to achieve in a period. */
public record TargetFigures(int leadsCaptured, int leadsQualified, int leadsConverted, Money bookings) {
}
