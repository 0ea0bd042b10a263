package com.chairside.account.demo.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/demos}: for an account or for a lead, exactly one of the two. */
public record ScheduleDemoRequest(
		@Schema(description = "The account the demo is for; give this or leadId") @Size(max = 100) @Pattern(
				regexp = ".*\\S.*", message = "must not be blank") String accountId,
		@Schema(description = "The lead (not converted yet) the demo is for; give this or accountId") @Size(
				max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String leadId,
		@NotBlank @Size(max = 100) String demoUnit, @NotEmpty @Size(max = 50) List<@NotBlank String> products,
		@NotNull Instant start, @NotNull Instant end) {

}
