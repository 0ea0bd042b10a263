package com.chairside.account.account.installed;

/** Units to record, as the request gave them (validated). */
public record NewInstalledUnit(String brand, String model, EquipmentCategory productLine, int yearInstalled,
		int quantity) {
}
