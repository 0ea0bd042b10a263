/**
 * The lead aggregate: a dental practice being prospected, its contacts and buying roles, and its lifecycle; and its
 * duplicates, found through the claims each lead holds on its match keys ({@code lead_match_keys}, read by id only).
 */
package com.chairside.lead.lead;
