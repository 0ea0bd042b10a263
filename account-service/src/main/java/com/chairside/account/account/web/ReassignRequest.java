package com.chairside.account.account.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/accounts/reassignments}: a territory change. Either {@code accountIds}, or {@code fromOwner}
 * (optionally only in {@code region}): all their accounts go to {@code toOwner}.
 */
public record ReassignRequest(@Size(max = 5000) List<String> accountIds, String fromOwner, String region,
		@NotBlank String toOwner, @Size(max = 500) String reason) {

}
