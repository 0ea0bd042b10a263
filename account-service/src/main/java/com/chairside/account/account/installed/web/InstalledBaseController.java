package com.chairside.account.account.installed.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.account.installed.InstalledBase;
import com.chairside.account.account.installed.InstalledUnit;
import com.chairside.platform.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;

/** The units installed at an account's practice, any brand; another region's account answers 404. */
@RestController
@RequestMapping("/api/accounts/{id}/installed-base")
class InstalledBaseController {

	private final InstalledBase installedBase;

	InstalledBaseController(InstalledBase installedBase) {
		this.installedBase = installedBase;
	}

	@GetMapping
	@Operation(summary = "The account's installed base", description = "{\"items\":[unit...]} in the order recorded;"
			+ " the account view shows the same list as installedBase.")
	Map<String, Object> list(@PathVariable String id) {
		List<InstalledUnitView> items = this.installedBase.of(id, CurrentUser.get()).stream()
			.map(InstalledUnitView::of)
			.toList();
		return Map.of("items", items, "total", items.size());
	}

	@PostMapping
	@Operation(summary = "Record units installed at the practice",
			description = "brand (required), model, productLine (EXAM_CHAIR, TREATMENT_CHAIR, DELIVERY_UNIT,"
					+ " CUSTOM_CABINETRY), yearInstalled (four digits, 1950 or later, not in the future) and quantity"
					+ " (1 to 999); 400 problem+json naming the field otherwise, 422 INSTALLED_BASE_FULL beyond 200"
					+ " entries. Publishes InstalledBaseChanged (change RECORDED) with the whole list.")
	ResponseEntity<InstalledUnitView> record(@PathVariable String id, @Valid @RequestBody InstalledUnitRequest request) {
		InstalledUnit unit = this.installedBase.record(id, request.toUnit(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/accounts/" + id + "/installed-base/" + unit.unitId()))
			.body(InstalledUnitView.of(unit));
	}

	@DeleteMapping("/{unitId}")
	@Operation(summary = "Remove a unit from the installed base",
			description = "204; 404 for an unknown unit or account. Publishes InstalledBaseChanged (change REMOVED)"
					+ " with the whole list.")
	ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String unitId) {
		this.installedBase.remove(id, unitId, CurrentUser.get());
		return ResponseEntity.noContent().build();
	}

}
