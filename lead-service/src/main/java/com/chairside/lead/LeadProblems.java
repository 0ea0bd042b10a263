package com.chairside.lead;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.chairside.lead.lead.DuplicateLeadException;
import com.chairside.lead.lead.QualificationGateException;

/** lead-service's problem+json answers that carry more than a code: the duplicate's id, what qualification lacks. */
@RestControllerAdvice
class LeadProblems {

	@ExceptionHandler(DuplicateLeadException.class)
	ProblemDetail duplicate(DuplicateLeadException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Duplicate lead", ex.getMessage(), "DUPLICATE_LEAD");
		if (ex.existingId() != null) {
			problem.setProperty("existingId", ex.existingId());
		}
		else {
			problem.setProperty("askSalesManagerOf", ex.elsewhereIn());
		}
		problem.setProperty("matchedOn", ex.matchedOn());
		return problem;
	}

	@ExceptionHandler(QualificationGateException.class)
	ProblemDetail gate(QualificationGateException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Business rule violated", ex.getMessage(),
				"QUALIFICATION_GATE");
		problem.setProperty("missing", ex.missing());
		problem.setProperty("score", ex.qualification().score());
		problem.setProperty("reasons", ex.qualification().reasons());
		return problem;
	}

	/** Two first writes of the same record at once (a target set twice concurrently): the loser retries. */
	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail concurrentCreate(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"The record was created by someone else meanwhile; read it again and retry", "CONCURRENT_CHANGE");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

}
