package com.chairside.order.order.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.chairside.order.accounts.AccountServiceUnavailableException;
import com.chairside.order.order.StaleVersionException;

/** The problems only order-service answers: a stale If-Match (412) and an account that cannot be checked now (503). */
@RestControllerAdvice
class OrderProblems {

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setTitle("Stale version");
		problem.setProperty("code", "STALE_VERSION");
		return problem;
	}

	@ExceptionHandler(AccountServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> accountsUnavailable(AccountServiceUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Account cannot be checked now");
		problem.setProperty("code", "ACCOUNT_SERVICE_UNAVAILABLE");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

}
