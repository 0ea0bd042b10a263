package com.chairside.examples.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers the example reads are the ones the published contract (the {@code contracts} jar) names. */
class CloudEventUnitTests {

	@Test
	void readsTheHeadersTheContractNames() throws IOException {
		Map<?, ?> contract;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("chairside/contracts/asyncapi.yaml")) {
			assertThat(in).as("asyncapi.yaml in the contracts jar").isNotNull();
			contract = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		Map<?, ?> headers = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) contract.get("components")).get("schemas"))
			.get("CloudEventHeaders")).get("properties");
		assertThat(Arrays.stream(CloudEvent.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(CloudEventUnitTests::value)).containsExactlyInAnyOrderElementsOf(headers.keySet().stream().map(Object::toString).toList());
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
