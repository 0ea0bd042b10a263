package com.chairside.lead.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one import may take: its size, how many of its user's run at once, how many rows it reads (the rest is not
 * imported, and the import says from which line) and how many problem lines it stores (all are counted); and how an
 * import stopped with its instance is taken over.
 *
 * @param maxSize the largest file an import takes (larger is refused with 413, nothing kept)
 * @param maxConcurrentPerUser how many imports of one user run at once (one more is refused with 429)
 * @param maxRows how many rows one import reads; the import names the first line it did not import
 * @param maxStoredProblems how many problem lines one import stores (all are counted)
 * @param lease how long the instance working on an import holds it without renewing (renewed per batch)
 * @param sweepInterval how often imports whose lease ran out are looked for and taken over
 */
@ConfigurationProperties("chairside.leads.imports")
record ImportLimits(@DefaultValue("50MB") DataSize maxSize, @DefaultValue("2") int maxConcurrentPerUser,
		@DefaultValue("200000") long maxRows, @DefaultValue("10000") long maxStoredProblems,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("PT30S") Duration sweepInterval) {

	long maxBytes() {
		return this.maxSize.toBytes();
	}

}
