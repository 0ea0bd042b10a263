package com.chairside.examples.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature notification-service puts on every webhook delivery:
 * {@code Chairside-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, keyed with the secret given
 * when the subscription was registered. A receiver recomputes it over the raw body bytes, compares in constant time,
 * and refuses a timestamp too far from its clock, so that a delivery captured once cannot be replayed later.
 */
public final class WebhookSignature {

	public static final String HEADER = "Chairside-Signature";

	private WebhookSignature() {
	}

	/** Whether {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of {@code now}. */
	public static boolean verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
		if (header == null) {
			return false;
		}
		Long timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				timestamp = parse(pair[1]);
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null
				|| Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
			return false;
		}
		byte[] expected = hmac(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** The header value for {@code body} signed at {@code time}, as notification-service sends it. */
	public static String sign(String secret, Instant time, byte[] body) {
		return "t=" + time.getEpochSecond() + ",v1=" + hmac(secret, time.getEpochSecond(), body);
	}

	private static String hmac(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static Long parse(String seconds) {
		try {
			return Long.parseLong(seconds);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
