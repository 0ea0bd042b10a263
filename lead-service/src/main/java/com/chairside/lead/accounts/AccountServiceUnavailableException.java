package com.chairside.lead.accounts;

/** account-service could not be asked whether the practice has an account: nothing was converted; try again shortly. */
public class AccountServiceUnavailableException extends RuntimeException {

	private final long retryAfterSeconds;

	AccountServiceUnavailableException(long retryAfterSeconds, Throwable cause) {
		super("account-service cannot be asked about the practice's accounts right now ("
				+ cause.getClass().getSimpleName() + "); nothing was converted, try again in " + retryAfterSeconds + " s",
				cause);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
