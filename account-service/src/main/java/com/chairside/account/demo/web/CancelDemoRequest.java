package com.chairside.account.demo.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/demos/{id}/cancel}. */
public record CancelDemoRequest(@NotBlank @Size(max = 1000) String reason) {

}
