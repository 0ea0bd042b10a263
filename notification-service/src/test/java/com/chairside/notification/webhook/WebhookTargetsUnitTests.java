package com.chairside.notification.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The allow-list setting is read when the service starts: an entry that is not {@code host} or {@code host:port}, or
 * names an address webhooks never reach, stops the start with the setting's name, instead of allowing nothing quietly.
 */
class WebhookTargetsUnitTests {

	private static WebhookTargets targets(boolean allowLoopback, String... allowedHosts) {
		return new WebhookTargets(new WebhookProperties(List.of(allowedHosts), allowLoopback, null, null, 0, null, null,
				null, null, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.5:8443", "169.254.169.254", "[fd00::1]:443", "127.0.0.1:8080", "0x7f.1",
			"2130706433", "hooks.example.com.", "hooks.example.com/path", "user@hooks.example.com", "*.example.com" })
	void anEntryThatIsNotAPublicHostAndPortStopsTheStart(String entry) {
		assertThatIllegalStateException().isThrownBy(() -> targets(false, "hooks.example.com:8443", entry))
			.withMessageStartingWith("chairside.notifications.webhooks.allowed-hosts: '" + entry + "'");
	}

	@Test
	void loopbackEntriesAreReadOnlyWhereLoopbackIsAllowed() {
		assertThat(targets(true, "127.0.0.1:8080", "[::1]").refusal("http://127.0.0.1:8080/hooks")).isNull();
		assertThat(targets(false, "hooks.example.com:8443", "", " 9.9.9.9 ").refusal("https://9.9.9.9/hooks")).isNull();
	}

}
