package com.chairside.account.demo.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/demos}. */
public record ScheduleDemoRequest(@NotBlank String accountId, @NotBlank @Size(max = 100) String demoUnit,
		@NotEmpty @Size(max = 50) List<@NotBlank String> products, @NotNull Instant start, @NotNull Instant end) {

}
