package com.chairside.testsupport.architecture;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each boundary refuses what crosses it and lets the rest be, on fixtures: a lead-service domain class
 * ({@code Tangled}) that uses another service, a web request, the devstack and Jackson 2, a controller out of place, a
 * platform class that knows the service, and a web request read with Jackson 3 and its annotations.
 */
class BoundariesUnitTests {

	private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("com.chairside.lead.fixture",
			"com.chairside.account.fixture", "com.chairside.platform.fixture");

	private static List<String> violations(ArchRule rule) {
		return rule.evaluate(FIXTURES).getFailureReport().getDetails();
	}

	@Test
	void refusesAServiceThatUsesAnother() {
		assertThat(violations(Boundaries.usesNoOtherService("lead"))).singleElement()
			.asString()
			.contains("Tangled.otherService", "com.chairside.account.fixture.Foreign");
		assertThat(violations(Boundaries.usesNoOtherService("account"))).isEmpty();
	}

	@Test
	void refusesADomainClassThatUsesAWebClassAndLetsWebClassesUseTheDomain() {
		assertThat(violations(Boundaries.domainUsesNoWeb())).singleElement()
			.asString()
			.contains("Tangled.webRequest", "LeadForm");
	}

	@Test
	void refusesAControllerOutsideTheWebClasses() {
		assertThat(violations(Boundaries.controllersAreWebClasses())).singleElement()
			.asString()
			.contains("Misplaced");
	}

	@Test
	void refusesThePlatformKnowingAService() {
		assertThat(violations(Boundaries.platformKnowsNoService())).singleElement()
			.asString()
			.contains("Knowing.domain", "Refusing");
	}

	@Test
	void refusesTheDevstack() {
		assertThat(violations(Boundaries.usesNoDevstack())).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).contains("Tangled", "com.chairside.devstack.MailSink"));
	}

	@Test
	void refusesJackson2AndLetsJackson3AndItsAnnotationsBe() {
		assertThat(violations(Boundaries.usesJackson3Only())).singleElement()
			.asString()
			.contains("Tangled.jackson2", "com.fasterxml.jackson.databind.ObjectMapper");
	}

}
