package com.chairside.reporting.market;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An account's installed base as its newest InstalledBaseChanged told it: one document per account. */
@Document("installed_base")
public record InstalledBaseCopy(@Id String accountId, @Indexed String region, String accountName, List<Unit> units,
		Long sequence) {

	/** Units of one brand and model installed in one year. */
	public record Unit(String unitId, String brand, String model, String productLine, Integer yearInstalled,
			Integer quantity) {
	}

	public List<Unit> unitsOrEmpty() {
		return (this.units != null) ? this.units : List.of();
	}

}
