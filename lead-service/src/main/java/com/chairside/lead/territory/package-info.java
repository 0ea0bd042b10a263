/** Territories: postal-code prefixes per country mapped to regions, each region's account managers, assignment. */
package com.chairside.lead.territory;
