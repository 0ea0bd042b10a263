package com.chairside.gateway;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.architecture.Boundaries;

/**
 * gateway keeps an edge's boundaries on its own production classes: it uses no other service and never uses the
 * devstack. Being all adapters (sign-in, routing, API documents, search over the services), it has no domain to keep
 * the web out of. Its production and test classes use Jackson 3 only (see {@link Boundaries}).
 */
class ArchitectureUnitTests {

	@Test
	void keepsItsBoundaries() {
		Boundaries.edge("gateway").check(Boundaries.of(GatewayApplication.class));
	}

	@Test
	void itsTestsUseJackson3Only() {
		Boundaries.usesJackson3Only().check(Boundaries.testsOf(ArchitectureUnitTests.class));
	}

}
