package com.chairside.platform.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the trail: who ({@code subject}, {@code roles}) did what ({@code method} on the route template
 * {@code path}) to which record ({@code recordId}), when, in which trace, and whether it was let through. Ids and
 * route templates only: no body, no header, no query value is ever copied here.
 */
@Document(AuditTrail.COLLECTION)
public record AuditRecord(@Id String id, Instant at, String subject, List<String> roles, String method, String path,
		String recordId, int status, Outcome outcome, String traceId) {

	/** DENIED: refused by the role rules or for want of a valid token (401, 403); everything else passed them. */
	public enum Outcome {

		ALLOWED, DENIED;

		static Outcome of(int status) {
			return (status == 401 || status == 403) ? DENIED : ALLOWED;
		}

	}

}
