package com.chairside.lead.territory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rule: postal codes of {@code country} starting with {@code prefix} belong to {@code region}. A region's rules
 * are read and replaced together, hence its index.
 */
@Document("territories")
public record Territory(@Id String id, String country, String prefix, @Indexed String region) {

	static Territory of(String country, String prefix, String region) {
		return new Territory(country + ":" + prefix, country, prefix, region);
	}

}
