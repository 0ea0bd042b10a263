package com.chairside.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests in {@code deploy/kubernetes}, read with fabric8's Kubernetes model: every service and the gateway is
 * deployed with probes on its health groups, requests and limits, a selector that matches its pods, a Service and a
 * disruption budget; every consumer service scales on consumer lag; every topic is declared with enough partitions.
 * Each runs its module's image (see {@link ImageDefinitionUnitTests}) on the image's port, probe and user.
 */
class KubernetesManifestUnitTests {

	static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service", "gateway");

	static final List<String> CONSUMERS = List.of("account-service", "order-service", "notification-service",
			"reporting-service");

	/** Every channel of the AsyncAPI document: a topic added there and not declared here fails the build. */
	static final List<String> TOPICS = new ArrayList<>();

	static final List<HasMetadata> resources = new ArrayList<>();

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		try (Reader in = Files.newBufferedReader(Path.of("..", "contracts", "asyncapi.yaml"))) {
			Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) new Yaml()
				.<Map<String, Object>>load(in)
				.get("channels");
			channels.values().forEach((channel) -> TOPICS.add((String) channel.get("address")));
		}
		assertThat(TOPICS).contains("chairside.orders");
		try (Stream<Path> files = Files.list(Path.of("kubernetes"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yaml")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					Object parsed = Serialization.unmarshal(in);
					if (parsed instanceof KubernetesList list) {
						resources.addAll(list.getItems());
					}
					else if (parsed instanceof List<?> list) {
						list.forEach((item) -> resources.add((HasMetadata) item));
					}
					else {
						resources.add((HasMetadata) parsed);
					}
				}
			}
		}
	}

	@Test
	void everyServiceIsDeployedWithProbesLimitsAndMatchingSelectors() {
		for (String name : SERVICES) {
			Deployment deployment = one(Deployment.class, name);
			Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(name).containsAllEntriesOf(selector);
			assertThat(deployment.getSpec().getReplicas()).as(name + " survives losing a pod").isGreaterThanOrEqualTo(2);
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/readiness");
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
			assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");

			Service service = one(Service.class, name);
			assertThat(service.getSpec().getSelector()).as(name + " service selects the pods").isEqualTo(selector);
			PodDisruptionBudget budget = one(PodDisruptionBudget.class, name);
			assertThat(budget.getSpec().getSelector().getMatchLabels()).as(name).isEqualTo(selector);
		}
	}

	@Test
	void consumerServicesScaleOnConsumerLagWithinThePartitions() {
		for (String name : CONSUMERS) {
			HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, name);
			assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
			assertThat(autoscaler.getSpec().getMetrics().get(0).getPods().getMetric().getName())
				.isEqualTo("spring_cloud_stream_binder_kafka_offset");
			assertThat(autoscaler.getSpec().getMaxReplicas()).as("no more replicas than partitions").isLessThanOrEqualTo(partitions());
		}
	}

	@Test
	void everyTopicIsDeclaredReplicatedAndPartitionedForThePlannedReplicas() {
		for (String topic : TOPICS) {
			GenericKubernetesResource declared = one(GenericKubernetesResource.class, topic);
			assertThat(declared.getKind()).isEqualTo("KafkaTopic");
			Map<String, Object> spec = (Map<String, Object>) declared.getAdditionalProperties().get("spec");
			assertThat(((Number) spec.get("partitions")).intValue()).isEqualTo(partitions());
			assertThat(((Number) spec.get("replicas")).intValue()).isEqualTo(3);
		}
	}

	@Test
	void servicesGetTheirConnectionsFromConfigAndSecrets() {
		for (String name : SERVICES) {
			Container container = one(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getEnvFrom()).as(name).anyMatch((from) -> from.getConfigMapRef() != null
					&& "chairside-config".equals(from.getConfigMapRef().getName()));
			if (!name.equals("gateway")) {
				assertThat(container.getEnv()).as(name).anyMatch((env) -> env.getName().equals("SPRING_MONGODB_URI")
						&& env.getValueFrom().getSecretKeyRef().getKey().equals(name));
			}
		}
	}

	@Test
	void everyDeploymentRunsItsModulesImageAsTheImageDefinesIt() {
		for (String name : SERVICES) {
			ImageDefinition image = ImageDefinition.of(name);
			PodSpec pod = one(Deployment.class, name).getSpec().getTemplate().getSpec();
			Container container = pod.getContainers().get(0);
			assertThat(container.getImage()).as(name)
				.endsWith("/" + ImageDefinition.imageName(name) + ":" + ComposeFileUnitTests.VERSION);
			assertThat(container.getCommand()).as(name + " runs the image's entry point").isNullOrEmpty();
			assertThat(container.getArgs()).as(name).isNullOrEmpty();
			assertThat(pod.getVolumes()).as(name + " mounts no jar: the image has it").isNullOrEmpty();
			assertThat(container.getVolumeMounts()).as(name).isNullOrEmpty();
			assertThat(container.getPorts()).as(name).hasSize(1);
			assertThat(container.getPorts().get(0).getContainerPort()).as(name + " on its image's port").isEqualTo(image.port());
			assertThat(container.getPorts().get(0).getName()).as(name).isEqualTo("http");
			assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).as(name).isEqualTo("http");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo(image.healthPath());
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " refuses to run as root").isTrue();
			assertThat(container.getEnv()).as(name + ": the image's port and address stand")
				.noneMatch((env) -> env.getName().equals("SERVER_PORT") || env.getName().equals("SERVER_ADDRESS"))
				.as(name + ": the image's -Xmx, on the command line, would win over JAVA_TOOL_OPTIONS")
				.noneMatch((env) -> env.getName().equals("JAVA_TOOL_OPTIONS"));
			container.getEnv()
				.stream()
				.filter((env) -> env.getValue() != null)
				.forEach((env) -> assertAddressesUseTheImagesPorts(name + " " + env.getName(), env.getValue()));
		}
		assertThat(one(ConfigMap.class, "chairside-config").getData()).as("the images' port and address stand")
			.doesNotContainKeys("SERVER_PORT", "SERVER_ADDRESS");
	}

	/** Every {@code http://<module>[-cluster]:<port>} in {@code value} names the port of the module's image. */
	static void assertAddressesUseTheImagesPorts(String where, String value) {
		Matcher address = Pattern.compile("http://(" + String.join("|", ImageDefinition.MODULES) + ")(-cluster)?:([0-9]+)")
			.matcher(value);
		while (address.find()) {
			assertThat(Integer.parseInt(address.group(3))).as(where + ": " + address.group())
				.isEqualTo(ImageDefinition.of(address.group(1)).port());
		}
	}

	private static int partitions() {
		return ((Number) ((Map<?, ?>) one(GenericKubernetesResource.class, "chairside.orders").getAdditionalProperties()
			.get("spec")).get("partitions")).intValue();
	}

	private static <T extends HasMetadata> T one(Class<T> type, String name) {
		List<T> found = resources.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((r) -> name.equals(r.getMetadata().getName()))
			.toList();
		assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
		return found.get(0);
	}

}
