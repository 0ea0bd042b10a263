package com.chairside.account.account.installed;

import java.time.Instant;

/** Units of one brand and model installed at the practice in one year, as an account manager recorded them. */
public record InstalledUnit(String unitId, String brand, String model, EquipmentCategory productLine,
		int yearInstalled, int quantity, String recordedBy, Instant recordedAt) {

	/** Years in service in {@code year} (0 in the year it was installed). */
	public int ageIn(int year) {
		return year - this.yearInstalled;
	}

}
