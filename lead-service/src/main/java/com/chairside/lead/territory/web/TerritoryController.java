package com.chairside.lead.territory.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.territory.RegionTeam;
import com.chairside.lead.territory.Territories;
import com.chairside.lead.territory.Territory;

/** Territory rules and account managers of a region, maintained by admins (see LeadAccess). */
@RestController
@RequestMapping("/api/regions/{region}")
class TerritoryController {

	private final Territories territories;

	TerritoryController(Territories territories) {
		this.territories = territories;
	}

	@GetMapping("/territories")
	TerritoriesView rules(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]*") String region) {
		return TerritoriesView.of(region, this.territories.rules(region));
	}

	@PutMapping("/territories")
	TerritoriesView setRules(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]*") String region,
			@Valid @RequestBody TerritoriesRequest request) {
		List<Territory> rules = request.territories()
			.stream()
			.map((rule) -> new Territory(null, rule.country(), rule.postalCodePrefix(), region))
			.toList();
		return TerritoriesView.of(region, this.territories.setRules(region, rules));
	}

	@GetMapping("/account-managers")
	TeamView team(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]*") String region) {
		return TeamView.of(this.territories.team(region).orElse(new RegionTeam(region, List.of(), 0)));
	}

	@PutMapping("/account-managers")
	TeamView setTeam(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]*") String region,
			@Valid @RequestBody TeamRequest request) {
		return TeamView.of(this.territories.setTeam(region, request.accountManagers()));
	}

	record Rule(@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as US") String country,
			@NotBlank @Size(max = 10) String postalCodePrefix) {
	}

	record TerritoriesRequest(@NotNull List<@Valid @NotNull Rule> territories) {
	}

	record TerritoriesView(String region, List<Rule> territories) {

		static TerritoriesView of(String region, List<Territory> rules) {
			return new TerritoriesView(region, rules.stream().map((t) -> new Rule(t.country(), t.prefix())).toList());
		}

	}

	record TeamRequest(@NotNull List<@NotBlank String> accountManagers) {
	}

	record TeamView(String region, List<String> accountManagers) {

		static TeamView of(RegionTeam team) {
			return new TeamView(team.region(), team.accountManagers());
		}

	}

}
