package com.chairside.account.account;

import java.time.Instant;
import java.util.List;

/**
 * The same practice is worked directly and through a reseller: {@code directAccountId} (owned by
 * {@code directOwner}) and {@code resellerServedAccountId} (served through {@code resellerId}, owned by
 * {@code resellerServedOwner}) match on {@code matchedOn} (TAX_ID, NAME_AND_POSTAL_CODE). Both owners are to be told.
 */
public record ChannelConflictDetected(String accountId, String region, String directAccountId, String directOwner,
		String resellerServedAccountId, String resellerServedOwner, String resellerId, List<String> matchedOn,
		Instant detectedAt) implements AccountEvent {
}
