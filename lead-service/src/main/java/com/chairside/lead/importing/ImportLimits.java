package com.chairside.lead.importing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What one import may take: its size, how many of its user's run at once, how many rows it reads (the rest is not
 * imported, and the import says from which line) and how many problem lines it stores (all are counted).
 */
@Component
record ImportLimits(@Value("${chairside.imports.max-size:50MB}") DataSize maxSize,
		@Value("${chairside.imports.max-concurrent-per-user:2}") int maxConcurrentPerUser,
		@Value("${chairside.imports.max-rows:200000}") long maxRows,
		@Value("${chairside.imports.max-stored-problems:10000}") long maxStoredProblems) {

	long maxBytes() {
		return this.maxSize.toBytes();
	}

}
