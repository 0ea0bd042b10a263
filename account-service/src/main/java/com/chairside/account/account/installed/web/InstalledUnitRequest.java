package com.chairside.account.account.installed.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.account.account.installed.EquipmentCategory;
import com.chairside.account.account.installed.NewInstalledUnit;

/**
 * {@code POST /api/accounts/{id}/installed-base}: units of any brand installed at the practice. The year has four
 * digits, 1950 or later and not in the future (checked against today when recorded).
 */
public record InstalledUnitRequest(@NotBlank @Size(max = 100) String brand, @Size(max = 100) String model,
		@NotNull EquipmentCategory productLine,
		@NotNull @Min(value = 1950, message = "must be a four-digit year, 1950 or later") @Max(value = 9999,
				message = "must be a four-digit year") Integer yearInstalled,
		@NotNull @Min(1) @Max(999) Integer quantity) {

	NewInstalledUnit toUnit() {
		String trimmedModel = (this.model != null && !this.model.isBlank()) ? this.model.strip() : null;
		return new NewInstalledUnit(this.brand.strip(), trimmedModel, this.productLine, this.yearInstalled,
				this.quantity);
	}

}
