package com.chairside.account.account.installed;

import java.time.Instant;
import java.util.List;

/**
 * The account's installed base after a unit was recorded or removed, whole: a consumer replaces its copy with the
 * newest (by {@code ce_sequence}) and needs no earlier event. {@code change} is {@code RECORDED} or {@code REMOVED},
 * {@code unitId} the unit it concerns; {@code accountName} is the practice's name, for lists of replacement
 * candidates.
 */
public record InstalledBaseChanged(String accountId, String region, String accountName, String change, String unitId,
		List<Unit> units, String changedBy, Instant changedAt) {

	/** One entry of the installed base, without who recorded it. */
	public record Unit(String unitId, String brand, String model, EquipmentCategory productLine, int yearInstalled,
			int quantity) {

		static Unit of(InstalledUnit unit) {
			return new Unit(unit.unitId(), unit.brand(), unit.model(), unit.productLine(), unit.yearInstalled(),
					unit.quantity());
		}

	}

}
