package com.chairside.examples.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureUnitTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	private static final byte[] BODY = "{\"id\":\"1\",\"type\":\"chairside.order.OrderChanged.v1\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	@Test
	void acceptsTheBodySignedWithTheSecret() {
		String header = WebhookSignature.sign("s3cret", NOW.minusSeconds(30), BODY);
		assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
		assertThat(WebhookSignature.verify(header, BODY, "s3cret", NOW, TOLERANCE)).isTrue();
	}

	@Test
	void refusesAnotherBodyAnotherSecretOrAnOldTimestamp() {
		String header = WebhookSignature.sign("s3cret", NOW, BODY);
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("\"1\"", "\"2\"").getBytes(StandardCharsets.UTF_8);
		assertThat(WebhookSignature.verify(header, tampered, "s3cret", NOW, TOLERANCE)).isFalse();
		assertThat(WebhookSignature.verify(header, BODY, "other", NOW, TOLERANCE)).isFalse();
		assertThat(WebhookSignature.verify(WebhookSignature.sign("s3cret", NOW.minus(Duration.ofMinutes(6)), BODY), BODY,
				"s3cret", NOW, TOLERANCE)).as("a replay").isFalse();
		assertThat(WebhookSignature.verify(header.replaceFirst("t=\\d+", "t=" + NOW.plusSeconds(1).getEpochSecond()), BODY,
				"s3cret", NOW, TOLERANCE)).as("another timestamp on the same signature").isFalse();
	}

	@Test
	void refusesAMissingOrMalformedHeader() {
		assertThat(WebhookSignature.verify(null, BODY, "s3cret", NOW, TOLERANCE)).isFalse();
		assertThat(WebhookSignature.verify("v1=abc", BODY, "s3cret", NOW, TOLERANCE)).isFalse();
		assertThat(WebhookSignature.verify("t=soon,v1=abc", BODY, "s3cret", NOW, TOLERANCE)).isFalse();
	}

}
