package com.chairside.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every error a client can cause answers as problem+json; a bad body names the offending fields in {@code errors}
 * ({@code [{"field":"specialty","message":"..."}]}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandlers extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

	/**
	 * Set on a request answered 503 because the store is away: what would write to the store after the answer (the
	 * audit trail) skips it instead of waiting another selection timeout for the same store.
	 */
	public static final String STORE_UNAVAILABLE = ProblemHandlers.class.getName() + ".storeUnavailable";

	/** Seconds a client is asked to wait when the store is away: about how long the driver takes to notice it is back. */
	private static final String STORE_RETRY_AFTER = "5";

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolated(RuleViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Business rule violated", ex.getMessage());
		problem.setProperty("code", ex.code());
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
		problem.setProperty("code", ex.code());
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict",
				"The record was changed by someone else meanwhile; read it again and retry");
		problem.setProperty("code", "CONCURRENT_CHANGE");
		return problem;
	}

	/**
	 * The store cannot be reached (the driver found no server within its selection timeout, or a read timed out): the
	 * caller is told at once to come back, rather than waiting or reading a 500 as a bug.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex, HttpServletRequest request) {
		log.warn("Store unavailable, answering 503: {}", ex.getMostSpecificCause().toString());
		request.setAttribute(STORE_UNAVAILABLE, Boolean.TRUE);
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The service's store cannot be reached right now; retry shortly");
		problem.setProperty("code", "STORE_UNAVAILABLE");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		return invalid(List.of(fieldError(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
		return invalid(List.of(fieldError(ex.getName(), "has an invalid value '" + ex.getValue() + "'")));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolated(ConstraintViolationException ex) {
		return invalid(ex.getConstraintViolations().stream().map((violation) -> {
			String path = violation.getPropertyPath().toString();
			return fieldError(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
		}).toList());
	}

	/** Tomcat could not decode a query parameter (bytes that are not UTF-8): the client's mistake, not ours. */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail undecodableParameter(InvalidParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "A query parameter is not valid UTF-8");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(fieldError(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(fieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				return ResponseEntity.badRequest()
					.body(invalid(List.of(fieldError(path(json), "cannot be read: " + json.getOriginalMessage()))));
			}
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The request body is not valid JSON"));
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		String detail = errors.isEmpty() ? "The request is invalid"
				: errors.stream().map((e) -> e.get("field") + " " + e.get("message")).reduce((a, b) -> a + "; " + b).get();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", (message != null) ? message : "is invalid");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
