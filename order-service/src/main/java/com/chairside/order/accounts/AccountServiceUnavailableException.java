package com.chairside.order.accounts;

/** account-service could not be asked about an account this service does not know yet: try again shortly. */
public class AccountServiceUnavailableException extends RuntimeException {

	private final long retryAfterSeconds;

	public AccountServiceUnavailableException(String accountId, long retryAfterSeconds, Throwable cause) {
		super("Account " + accountId + " is not known here yet and account-service cannot be asked right now ("
				+ cause.getClass().getSimpleName() + "); try again in " + retryAfterSeconds + " s", cause);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
