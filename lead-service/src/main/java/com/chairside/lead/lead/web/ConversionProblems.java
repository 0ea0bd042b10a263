package com.chairside.lead.lead.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.chairside.lead.accounts.AccountService.AccountMatch;
import com.chairside.lead.accounts.AccountServiceUnavailableException;
import com.chairside.lead.lead.AccountExistsException;

/** The answers of a conversion that did not happen: the practice's account exists, or account-service is away. */
@RestControllerAdvice
class ConversionProblems {

	@ExceptionHandler(AccountExistsException.class)
	ProblemDetail accountExists(AccountExistsException ex) {
		AccountMatch first = ex.matches().get(0);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("The practice has an account");
		problem.setProperty("code", "ACCOUNT_EXISTS");
		problem.setProperty("accountId", first.accountId());
		problem.setProperty("matchedOn", first.matchedOn());
		problem.setProperty("matches", ex.matches());
		return problem;
	}

	@ExceptionHandler(AccountServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> accountServiceUnavailable(AccountServiceUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("The practice's accounts cannot be checked now");
		problem.setProperty("code", "ACCOUNT_SERVICE_UNAVAILABLE");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

}
