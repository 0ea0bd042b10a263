package com.chairside.order.order.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.chairside.order.accounts.AccountServiceUnavailableException;
import com.chairside.order.order.DiscountAboveMaximumException;
import com.chairside.order.order.SeparationOfDutiesException;
import com.chairside.order.order.StaleVersionException;

/**
 * The problems only order-service answers: a stale If-Match (412), an account that cannot be checked now (503), a
 * decision asked of an interested party (403 {@code SEPARATION_OF_DUTIES}) and a discount above the maximum (422
 * {@code DISCOUNT_ABOVE_MAXIMUM} naming {@code discountPercent}).
 */
@RestControllerAdvice
class OrderProblems {

	@ExceptionHandler(SeparationOfDutiesException.class)
	ProblemDetail separationOfDuties(SeparationOfDutiesException ex) {
		return problem(HttpStatus.FORBIDDEN, "Separation of duties", "SEPARATION_OF_DUTIES", ex);
	}

	@ExceptionHandler(DiscountAboveMaximumException.class)
	ProblemDetail discountAboveMaximum(DiscountAboveMaximumException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Discount above the maximum",
				"DISCOUNT_ABOVE_MAXIMUM", ex);
		problem.setProperty("errors",
				List.of(Map.of("field", DiscountAboveMaximumException.FIELD, "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, "Stale version", "STALE_VERSION", ex);
	}

	@ExceptionHandler(AccountServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> accountsUnavailable(AccountServiceUnavailableException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Account cannot be checked now",
				"ACCOUNT_SERVICE_UNAVAILABLE", ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String code, Exception ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

}
