package com.chairside.lead.lead;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One match key (as {@link Duplicates#keysOf} writes it: {@code e:}, {@code p:}, {@code n:}) and the lead that holds
 * it. The key is the {@code _id}, so a second claim on it fails on insert. The unique {@code (_id, leadId)} index adds
 * no constraint; it is there so the conditional writes ("release this key if it is still mine", "take this stale
 * claim over from that lead") are answered from an index by the embedded store too, which serves a filter from an
 * index only when its keys are exactly those of a unique one.
 */
@Document(Duplicates.CLAIMS)
@CompoundIndex(name = "key_holder", def = "{'_id': 1, 'leadId': 1}", unique = true)
public record MatchKeyClaim(@Id String key, String leadId, Instant claimedAt) {
}
