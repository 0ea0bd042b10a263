package com.chairside.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.chairside.launcher.Catalogue;
import com.chairside.launcher.Part;
import com.chairside.launcher.Readiness;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's and the gateway's {@code Dockerfile} against its module. No engine builds the images here, so this
 * is what keeps them true: the jar the module's build makes, in Spring Boot's layers; the JRE of the build's Java
 * version; the port the service is configured for; a user that is not root; a health check on a probe the service
 * serves; the JVM options the launcher runs it with. {@link ComposeFileUnitTests} and
 * {@link KubernetesManifestUnitTests} check that the deployments run these images as they are.
 */
class ImageDefinitionUnitTests {

	/** Spring Boot's layers (a jar's {@code BOOT-INF/layers.idx}), least changed first. */
	static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	/** The launcher's parts on their usual ports; nothing is started or written. */
	static final Catalogue CATALOGUE = Catalogue.of(ImageDefinition.ROOT, Path.of("target", "catalogue"));

	@Test
	void everyServiceAndTheGatewayHasAnImage() {
		assertThat(ImageDefinition.MODULES).containsAll(Catalogue.SERVICES).contains("gateway");
		for (String module : ImageDefinition.MODULES) {
			assertThat(ImageDefinition.dockerfile(module)).as(module).isRegularFile();
			assertThat(CATALOGUE.part(module).modules()).as(module + " is a part the launcher runs").contains(module);
		}
	}

	@Test
	void theImageRunsTheJarItsModuleBuildsFromSpringBootsLayers() throws Exception {
		for (String module : ImageDefinition.MODULES) {
			ImageDefinition image = ImageDefinition.of(module);
			String jar = finalName(module) + ".jar";
			assertThat(image.all("COPY")).as(module + " copies the built jar into the first stage")
				.filteredOn((copy) -> copy.stage() == 0)
				.extracting(ImageDefinition.Instruction::arguments)
				.containsExactly("target/" + jar + " " + jar);
			assertThat(image.all("RUN")).as(module + " extracts the layers")
				.filteredOn((run) -> run.stage() == 0)
				.extracting(ImageDefinition.Instruction::arguments)
				.singleElement()
				.asString()
				.startsWith("java -Djarmode=tools -jar " + jar + " extract --layers ");
			assertThat(image.all("COPY")).as(module + " copies each layer, least changed first")
				.filteredOn((copy) -> copy.stage() == image.runStage())
				.extracting(ImageDefinition.Instruction::arguments)
				.containsExactlyElementsOf(LAYERS.stream()
					.map((layer) -> "--from=layers /layers/extracted/" + layer + "/ ./")
					.toList());
			assertThat(image.last("ENTRYPOINT")).as(module).isEqualTo("[\"java\", \"-jar\", \"" + jar + "\"]");
			assertThat(Files.readAllLines(ImageDefinition.ROOT.resolve(module).resolve(".dockerignore")))
				.as(module + " sends the engine its jar and nothing else")
				.contains("*", "!target/" + jar);
		}
	}

	@Test
	void everyStageStartsFromTheJreOfTheBuildsJavaVersionPinnedByTag() throws Exception {
		String java = property(ImageDefinition.ROOT.resolve("pom.xml"), "java.version");
		for (String module : ImageDefinition.MODULES) {
			assertThat(ImageDefinition.of(module).all("FROM")).as(module)
				.extracting(ImageDefinition.Instruction::arguments)
				.containsExactly("eclipse-temurin:" + java + "-jre AS layers", "eclipse-temurin:" + java + "-jre");
		}
	}

	@Test
	void theServiceListensOnItsConfiguredPortOnTheContainersNetwork() throws IOException {
		for (String module : ImageDefinition.MODULES) {
			ImageDefinition image = ImageDefinition.of(module);
			int configured = ((Number) setting(module, "server.port")).intValue();
			assertThat(image.port()).as(module + " exposes the port its application.yml names").isEqualTo(configured);
			assertThat(CATALOGUE.port(module)).as(module + " on the launcher's port").isEqualTo(configured);
			assertThat(image.environment()).as(module)
				.containsEntry("SERVER_PORT", Integer.toString(configured))
				.as(module + " listens on loopback unless told otherwise: in a container, on its network")
				.containsEntry("SERVER_ADDRESS", "0.0.0.0");
		}
	}

	@Test
	void theImageRunsAsAUserOtherThanRootNamedByNumber() {
		for (String module : ImageDefinition.MODULES) {
			ImageDefinition image = ImageDefinition.of(module);
			assertThat(image.user()).as(module + ": Kubernetes' runAsNonRoot checks numbers only").matches("[0-9]+(:[0-9]+)?");
			String uid = image.user().split(":")[0];
			assertThat(Integer.parseInt(uid)).as(module).isNotZero();
			assertThat(image.all("RUN")).as(module + " makes the user")
				.filteredOn((run) -> run.stage() == image.runStage())
				.anyMatch((run) -> run.arguments().contains("--uid " + uid + " "));
			int user = image.instructions().indexOf(image.all("USER").get(0));
			assertThat(image.instructions().subList(user, image.instructions().size())).as(module + " runs nothing as root after USER")
				.extracting(ImageDefinition.Instruction::keyword)
				.doesNotContain("RUN", "FROM");
		}
	}

	@Test
	void theHealthCheckAsksTheReadinessProbeTheServiceServes() throws IOException {
		for (String module : ImageDefinition.MODULES) {
			String path = ImageDefinition.of(module).healthPath();
			// The launcher waits for each part on this path: every suite start shows the service answers it, unsigned.
			assertThat(path).as(module + " is asked where the launcher asks it")
				.isEqualTo(((Readiness.HttpOk) CATALOGUE.part(module).readiness()).path());
			assertThat(path).as(module).isEqualTo("/actuator/health/readiness");
			assertThat(setting(module, "management.endpoint.health.probes.enabled")).as(module + " serves its probes")
				.isEqualTo(true);
			assertThat((String) setting(module, "management.endpoints.web.exposure.include")).as(module)
				.contains("health");
		}
	}

	@Test
	void theJvmRunsWithTheLaunchersOptions() {
		for (String module : ImageDefinition.MODULES) {
			Part part = CATALOGUE.part(module);
			String options = "-Xmx" + part.heap() + " " + String.join(" ", part.jvmOptions());
			assertThat(ImageDefinition.of(module).environment()).as(module + " (JDK_JAVA_OPTIONS, which a deployment may replace)")
				.containsEntry("JDK_JAVA_OPTIONS", options);
		}
	}

	/**
	 * A setting as the module runs with it: its own {@code application.yml}, else the platform's shared defaults
	 * ({@code chairside-defaults.yml}, below every other source).
	 */
	static Object setting(String module, String key) throws IOException {
		Object value = lookup(ImageDefinition.ROOT.resolve(module).resolve("src/main/resources/application.yml"), key);
		if (value == null) {
			value = lookup(ImageDefinition.ROOT.resolve("platform/src/main/resources/chairside-defaults.yml"), key);
		}
		assertThat(value).as(module + " sets " + key).isNotNull();
		return value;
	}

	private static Object lookup(Path yaml, String key) throws IOException {
		try (Reader in = Files.newBufferedReader(yaml)) {
			Object node = new Yaml().load(in);
			for (String name : key.split("\\.")) {
				if (!(node instanceof Map<?, ?> map)) {
					return null;
				}
				node = map.get(name);
			}
			return node;
		}
	}

	/** The {@code <build><finalName>} of the module's pom: the name of the jar its build makes. */
	private static String finalName(String module) throws Exception {
		Document pom = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(ImageDefinition.ROOT.resolve(module).resolve("pom.xml").toFile());
		String name = pom.getDocumentElement().getElementsByTagName("finalName").item(0).getTextContent().strip();
		assertThat(name).as(module + "'s jar").isNotBlank();
		return name;
	}

	private static String property(Path pom, String name) throws Exception {
		Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
		return document.getElementsByTagName(name).item(0).getTextContent().strip();
	}

}
