package com.chairside.testsupport.architecture;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries between Chairside's modules that hold today, as ArchUnit rules. Each module's
 * {@code ArchitectureUnitTests} checks those of a {@link #service(String)}, an {@link #edge(String)} or the
 * {@link #platform()} on its own production classes ({@link #of(Class)}), and {@link #usesJackson3Only()} on its
 * test classes too ({@link #testsOf(Class)}).
 * <ul>
 * <li>A service ({@code com.chairside.<service>}) never uses another service's classes: services meet through events
 * and HTTP only, each reading the others' messages into classes of its own.</li>
 * <li>The platform ({@code com.chairside.platform}: platform and platform-web) knows no service.</li>
 * <li>A service's non-web classes use no web class. Web classes are those in a {@code web} package (a feature's
 * {@code <feature>.web}, and {@code com.chairside.platform.web}) or named {@code *Controller}. The exception is the
 * problem exceptions of {@code com.chairside.platform.web} ({@link #PROBLEMS}): domain code refuses with them and the
 * problem handlers answer them as 4xx problem+json, so they are the domain's vocabulary for refusals.</li>
 * <li>Every controller is a web class, so that the rule above sees them all.</li>
 * <li>Production code never uses {@code com.chairside.devstack}, the embedded broker, store and token issuer that
 * tests and {@code bin/chairside} start in place of the real ones.</li>
 * <li>JSON is read and written with Jackson 3 ({@code tools.jackson}), in production code and tests alike: nothing uses
 * Jackson 2's databind or core ({@code com.fasterxml.jackson.databind}, {@code com.fasterxml.jackson.core}), which
 * still reach the classpath through other libraries (the Kafka broker). Jackson 3 keeps the annotations of
 * {@code com.fasterxml.jackson.annotation}, so those stay.</li>
 * </ul>
 * The gateway and identity are edges: all adapters, with no domain to keep the web out of, so only the first and the
 * last two rules hold for them (their controllers sit in feature packages such as {@code gateway.search}).
 */
public final class Boundaries {

	/** The services, by the package under {@code com.chairside} that holds each. */
	public static final List<String> SERVICES = List.of("lead", "account", "order", "notification", "reporting",
			"gateway", "identity");

	/** The classes of {@code com.chairside.platform.web} that domain code may throw: each answers one 4xx. */
	public static final Set<String> PROBLEMS = Set.of("ConflictException", "InvalidFieldException", "NotFoundException",
			"RuleViolationException");

	private static final String PLATFORM_WEB = "com.chairside.platform.web";

	private static final DescribedPredicate<JavaClass> WEB = DescribedPredicate.describe(
			"web classes (in a Chairside web package or named *Controller)",
			(type) -> type.getPackageName().startsWith("com.chairside.")
					&& (type.getPackageName().matches(".*\\.web(\\..*)?") || topLevel(type).endsWith("Controller")));

	private static final DescribedPredicate<JavaClass> PROBLEM = DescribedPredicate.describe(
			"problem exceptions of " + PLATFORM_WEB,
			(type) -> type.getPackageName().equals(PLATFORM_WEB) && PROBLEMS.contains(type.getSimpleName()));

	private Boundaries() {
	}

	/**
	 * The production classes of the module that holds {@code anyClassOfTheModule} (its {@code target/classes} or its
	 * jar), without its tests and without the modules it depends on.
	 */
	public static JavaClasses of(Class<?> anyClassOfTheModule) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importUrl(anyClassOfTheModule.getProtectionDomain().getCodeSource().getLocation());
	}

	/**
	 * The test classes of the module that holds {@code anyTestClassOfTheModule} (its {@code target/test-classes}),
	 * without its production classes.
	 */
	public static JavaClasses testsOf(Class<?> anyTestClassOfTheModule) {
		return new ClassFileImporter()
			.importUrl(anyTestClassOfTheModule.getProtectionDomain().getCodeSource().getLocation());
	}

	/**
	 * Every rule a service keeps: the others', web and devstack boundaries, controllers where they are seen, and
	 * Jackson 3 only.
	 */
	public static ArchRule service(String service) {
		return CompositeArchRule.of(usesNoOtherService(service))
			.and(domainUsesNoWeb())
			.and(controllersAreWebClasses())
			.and(usesNoDevstack())
			.and(usesJackson3Only());
	}

	/**
	 * Every rule an edge keeps: a service that is all adapters (the gateway, identity), with no domain to keep the web
	 * out of, so its controllers may sit in any of its packages.
	 */
	public static ArchRule edge(String service) {
		return CompositeArchRule.of(usesNoOtherService(service)).and(usesNoDevstack()).and(usesJackson3Only());
	}

	/**
	 * Every rule platform and platform-web keep. Not the web rule: their auto-configuration wires the web classes in,
	 * and their non-web classes hold no domain to keep apart.
	 */
	public static ArchRule platform() {
		return CompositeArchRule.of(platformKnowsNoService()).and(usesNoDevstack()).and(usesJackson3Only());
	}

	/** The classes of {@code service} use no class of another service. */
	public static ArchRule usesNoOtherService(String service) {
		String[] others = SERVICES.stream()
			.filter((other) -> !other.equals(service))
			.map((other) -> "com.chairside." + other + "..")
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage("com.chairside." + service + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services meet through events and HTTP only");
	}

	/** The platform's classes use no service's class. */
	public static ArchRule platformKnowsNoService() {
		return noClasses().that()
			.resideInAPackage("com.chairside.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES.stream().map((s) -> "com.chairside." + s + "..").toArray(String[]::new))
			.because("the platform holds technical building blocks, no domain");
	}

	/** Non-web classes use no web class but the problem exceptions. */
	public static ArchRule domainUsesNoWeb() {
		return noClasses().that(not(WEB))
			.should()
			.dependOnClassesThat(WEB.and(not(PROBLEM)))
			.because("web adapters sit beneath the domain, which knows nothing of requests and views");
	}

	/** Controllers sit in a web package or are named {@code *Controller}. */
	public static ArchRule controllersAreWebClasses() {
		return classes().that()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.or()
			.areAnnotatedWith("org.springframework.stereotype.Controller")
			.should(ArchConditions.be(WEB))
			.allowEmptyShould(true);
	}

	/** Nothing uses the devstack. */
	public static ArchRule usesNoDevstack() {
		return noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("com.chairside.devstack..")
			.because("the devstack stands in for the real broker, store and token issuer in tests only");
	}

	/** Nothing uses Jackson 2's databind or core; Jackson 3's annotations are Jackson 2's and stay. */
	public static ArchRule usesJackson3Only() {
		return noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
			.because("JSON is read and written with Jackson 3 (tools.jackson), as Spring Boot does");
	}

	private static String topLevel(JavaClass type) {
		String name = type.getName();
		int nested = name.indexOf('$');
		return (nested < 0) ? name : name.substring(0, nested);
	}

}
