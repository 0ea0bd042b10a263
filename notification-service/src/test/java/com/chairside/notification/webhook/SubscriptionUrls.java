package com.chairside.notification.webhook;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribing FINANCE's system at a URL, and the refusal of one that may not be reached. */
final class SubscriptionUrls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SubscriptionUrls() {
	}

	static String body(String url) {
		return JSON.writeValueAsString(Map.of("department", "FINANCE", "url", url, "eventTypes",
				java.util.List.of("OrderCancelled"), "secret", "whsec-urls-test"));
	}

	/** Subscribing at {@code url} answers 400 problem+json naming {@code url} for {@code reason}; nothing is stored. */
	static void assertRefused(Api admin, String url, String reason) {
		int before = admin.get("/api/webhook-subscriptions").json().size();

		Api.Response refused = admin.post("/api/webhook-subscriptions", body(url));

		assertThat(refused.status()).as("%s: %s", url, refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).as(url).contains("application/problem+json");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).as(url).isEqualTo("url");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).as(url).contains(reason);
		assertThat(admin.get("/api/webhook-subscriptions").json().size()).as("stored after %s", url).isEqualTo(before);
	}

	/** Subscribing at {@code url} answers 201; the subscription is removed again. */
	static void assertAccepted(Api admin, String url) {
		Api.Response created = admin.post("/api/webhook-subscriptions", body(url));
		assertThat(created.status()).as("%s: %s", url, created.body()).isEqualTo(201);
		assertThat(created.json().path("url").asString()).isEqualTo(url);
		assertThat(admin.send("DELETE", "/api/webhook-subscriptions/" + created.json().path("id").asString(), null)
			.status()).isEqualTo(204);
	}

}
