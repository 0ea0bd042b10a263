package com.chairside.system;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.architecture.Boundaries;

/** The system tests read and write JSON with Jackson 3 only (see {@link Boundaries}). */
class ArchitectureUnitTests {

	@Test
	void itsTestsUseJackson3Only() {
		Boundaries.usesJackson3Only().check(Boundaries.testsOf(ArchitectureUnitTests.class));
	}

}
