package com.chairside.lead.target.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.lead.Money;
import com.chairside.lead.target.RegionTarget;
import com.chairside.lead.target.TargetFigures;
import com.chairside.lead.target.Targets;
import com.chairside.platform.security.CurrentUser;

/** The regional plan's targets (who may set and read them: LeadAccess and {@link Targets}). */
@RestController
@Validated
@RequestMapping("/api/regions/{region}/targets/{period}")
class TargetController {

	private static final String REGION = "[A-Z][A-Z0-9_]*";

	private static final String PERIOD = "[0-9]{4}(-(0[1-9]|1[0-2]))?";

	private final Targets targets;

	TargetController(Targets targets) {
		this.targets = targets;
	}

	@PutMapping
	TargetView set(@PathVariable @Pattern(regexp = REGION, message = "must be an upper-case region code such as NORTHEAST") String region,
			@PathVariable @Pattern(regexp = PERIOD, message = "must be a month (2026-11) or a year (2026)") String period,
			@Valid @RequestBody TargetRequest request) {
		return TargetView.of(this.targets.set(region, period, request.figures(), CurrentUser.get()));
	}

	@GetMapping
	TargetView get(@PathVariable String region, @PathVariable String period) {
		return TargetView.of(this.targets.get(region, period, CurrentUser.get()));
	}

	record TargetRequest(@NotNull @PositiveOrZero @Max(1_000_000) Integer leadsCaptured,
			@NotNull @PositiveOrZero @Max(1_000_000) Integer leadsQualified,
			@NotNull @PositiveOrZero @Max(1_000_000) Integer leadsConverted, @NotNull @Valid Money bookings) {

		TargetFigures figures() {
			return new TargetFigures(this.leadsCaptured, this.leadsQualified, this.leadsConverted, this.bookings);
		}

	}

	record TargetView(String targetId, String region, String period, int leadsCaptured, int leadsQualified,
			int leadsConverted, Money bookings, String setBy, Instant setAt, Long version) {

		static TargetView of(RegionTarget target) {
			TargetFigures figures = target.figures();
			return new TargetView(target.id(), target.region(), target.period(), figures.leadsCaptured(),
					figures.leadsQualified(), figures.leadsConverted(), figures.bookings(), target.setBy(),
					target.setAt(), target.version());
		}

	}

}
