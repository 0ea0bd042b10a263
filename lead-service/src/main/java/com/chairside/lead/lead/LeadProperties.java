package com.chairside.lead.lead;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of lead-service ({@code chairside.leads.*}); imports and the account-service client have records of
 * their own under the same prefix.
 *
 * @param claimGrace how long a duplicate key's claim counts as live while its lead is not stored yet (a claimant has that
 * long to store its lead); a stale claim is taken over by the next claimant
 */
@ConfigurationProperties("chairside.leads")
record LeadProperties(@DefaultValue("PT1M") Duration claimGrace) {

}
