package com.chairside.lead.lead;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One match key (as {@link Duplicates#keysOf} writes it: {@code e:}, {@code p:}, {@code n:}) and the lead that holds
 * it. The key is the {@code _id}, so a second claim on it fails on insert; "release this key if it is still mine" and
 * "take this stale claim over from that lead" are writes conditional on {@code leadId}.
 */
@Document(Duplicates.CLAIMS)
public record MatchKeyClaim(@Id String key, String leadId, Instant claimedAt) {
}
