package com.chairside.order.order;

import java.util.Optional;

/**
 * Where an order stands; only the Order changes it. {@code SUBMITTED} means placed (the event is
 * {@code OrderPlaced}); sales administration moves it on, one step at a time, from {@code CONFIRMED} to
 * {@code INSTALLED}.
 */
public enum OrderStatus {

	DRAFT, SUBMITTED, CONFIRMED, IN_PRODUCTION, SHIPPED, DELIVERED, INSTALLED, CANCELLED;

	/** The fulfilment state that follows this one, if sales administration can move the order on. */
	public Optional<OrderStatus> next() {
		return switch (this) {
			case SUBMITTED -> Optional.of(CONFIRMED);
			case CONFIRMED -> Optional.of(IN_PRODUCTION);
			case IN_PRODUCTION -> Optional.of(SHIPPED);
			case SHIPPED -> Optional.of(DELIVERED);
			case DELIVERED -> Optional.of(INSTALLED);
			default -> Optional.empty();
		};
	}

	public boolean productionStarted() {
		return this.ordinal() >= IN_PRODUCTION.ordinal() && this != CANCELLED;
	}

	public boolean shipped() {
		return this.ordinal() >= SHIPPED.ordinal() && this != CANCELLED;
	}

}
