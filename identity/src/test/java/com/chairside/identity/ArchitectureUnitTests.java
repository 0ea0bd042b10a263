package com.chairside.identity;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.architecture.Boundaries;

/**
 * identity keeps an edge's boundaries on its own production classes: it uses no other service and never uses the
 * devstack. Being all adapters (the sign-in page and the token issuer), it has no domain to keep the web out of. Its
 * production and test classes use Jackson 3 only (see {@link Boundaries}).
 */
class ArchitectureUnitTests {

	@Test
	void keepsItsBoundaries() {
		Boundaries.edge("identity").check(Boundaries.of(IdentityApplication.class));
	}

	@Test
	void itsTestsUseJackson3Only() {
		Boundaries.usesJackson3Only().check(Boundaries.testsOf(ArchitectureUnitTests.class));
	}

}
