package com.chairside.order.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonFormat;

/** An amount in an ISO 4217 currency; on the wire the amount is a decimal string ({@code "85000.00"}). */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

	public Money {
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

	/** This amount less {@code percent} per cent (a line discount). */
	public Money less(BigDecimal percent) {
		BigDecimal factor = BigDecimal.ONE.subtract(percent.movePointLeft(2));
		return new Money(this.amount.multiply(factor), this.currency);
	}

	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(this.amount.add(other.amount), this.currency);
	}

}
