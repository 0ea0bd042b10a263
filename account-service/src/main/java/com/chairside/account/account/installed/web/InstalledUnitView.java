package com.chairside.account.account.installed.web;

import java.time.Instant;

import com.chairside.account.account.installed.EquipmentCategory;
import com.chairside.account.account.installed.InstalledUnit;

/** A unit of the installed base as the sales UI shows it. */
public record InstalledUnitView(String id, String brand, String model, EquipmentCategory productLine,
		int yearInstalled, int quantity, String recordedBy, Instant recordedAt) {

	public static InstalledUnitView of(InstalledUnit unit) {
		return new InstalledUnitView(unit.unitId(), unit.brand(), unit.model(), unit.productLine(),
				unit.yearInstalled(), unit.quantity(), unit.recordedBy(), unit.recordedAt());
	}

}
