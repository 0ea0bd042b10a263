package com.chairside.platform;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.architecture.Boundaries;

/**
 * platform-web keeps the platform's boundaries on its own production classes: it knows no service and never uses the
 * devstack. Its production and test classes use Jackson 3 only (see {@link Boundaries}).
 */
class ArchitectureUnitTests {

	@Test
	void keepsItsBoundaries() {
		Boundaries.platform().check(Boundaries.of(WebPlatformAutoConfiguration.class));
	}

	@Test
	void itsTestsUseJackson3Only() {
		Boundaries.usesJackson3Only().check(Boundaries.testsOf(ArchitectureUnitTests.class));
	}

}
