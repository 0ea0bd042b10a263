package com.chairside.order.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** account-service could not be asked about an account this service does not know yet: try again shortly. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class AccountServiceUnavailableException extends RuntimeException {

	public AccountServiceUnavailableException(String accountId, Throwable cause) {
		super("Account " + accountId + " is not known here yet and account-service cannot be asked right now", cause);
	}

}
