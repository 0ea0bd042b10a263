package com.chairside.account.demo.web;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PATCH /api/demos/{id}}: any of the three; what is not given stays as it is. */
public record RescheduleDemoRequest(@Schema(description = "New start; the current one when absent") Instant start,
		@Schema(description = "New end; the current one when absent") Instant end,
		@Schema(description = "The unit to move the demo to; the current one when absent") @Size(max = 100) @Pattern(
				regexp = ".*\\S.*", message = "must not be blank") String demoUnit) {

}
