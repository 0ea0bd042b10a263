package com.chairside.lead.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonFormat;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An amount in an ISO 4217 currency; on the wire the amount is a decimal string ({@code "85000.00"}). */
public record Money(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {

	public Money {
		if (amount != null) {
			amount = amount.setScale(2, RoundingMode.HALF_UP);
		}
	}

}
