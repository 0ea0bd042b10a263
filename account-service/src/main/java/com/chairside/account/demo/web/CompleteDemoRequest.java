package com.chairside.account.demo.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.account.demo.DemoOutcome;

/** {@code POST /api/demos/{id}/complete}. */
public record CompleteDemoRequest(@NotNull DemoOutcome outcome, @Size(max = 4000) String notes) {

}
