package com.chairside.reporting;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.architecture.Boundaries;

/**
 * reporting-service keeps a service's boundaries on its own production classes: it uses no other service, its non-web
 * classes use no web class but the problem exceptions of {@code com.chairside.platform.web}, its controllers sit in web
 * packages or are named {@code *Controller}, and it never uses the devstack. Its production and test classes use
 * Jackson 3 only (see {@link Boundaries}).
 */
class ArchitectureUnitTests {

	@Test
	void keepsItsBoundaries() {
		Boundaries.service("reporting").check(Boundaries.of(ReportingServiceApplication.class));
	}

	@Test
	void itsTestsUseJackson3Only() {
		Boundaries.usesJackson3Only().check(Boundaries.testsOf(ArchitectureUnitTests.class));
	}

}
