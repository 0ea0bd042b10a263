package com.chairside.identity;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.architecture.Boundaries;

/**
 * identity keeps an edge's boundaries on its own production classes: it uses no other service and never uses the
 * devstack. Being all adapters (the sign-in page and the token issuer), it has no domain to keep the web out of (see
 * {@link Boundaries}).
 */
class ArchitectureUnitTests {

	@Test
	void keepsItsBoundaries() {
		Boundaries.edge("identity").check(Boundaries.of(IdentityApplication.class));
	}

}
