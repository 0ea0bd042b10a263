package com.chairside.order.order;

/**
 * A decision (a discount approval, a cancellation request's approval or rejection) asked of someone who placed, last
 * changed or asked for what is to be decided: 403 with the code {@code SEPARATION_OF_DUTIES}.
 */
public class SeparationOfDutiesException extends RuntimeException {

	public SeparationOfDutiesException(String message) {
		super(message);
	}

}
