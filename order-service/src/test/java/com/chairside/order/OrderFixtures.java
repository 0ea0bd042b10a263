package com.chairside.order;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the order-service tests share: accounts arriving by event, orders placed, raw HTTP with headers. */
public final class OrderFixtures {

	public static final KafkaProbe kafka = KafkaProbe.shared();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private OrderFixtures(int port) {
		this.port = port;
	}

	public static OrderFixtures on(int port) {
		return new OrderFixtures(port);
	}

	public static String token(String user, String role) {
		return Infrastructure.get().token(user, role, role.equals("ACCOUNT_MANAGER") ? "NORTHEAST" : null);
	}

	public Api as(String role) {
		return Api.local(this.port, token(role.toLowerCase(), role));
	}

	/** Publishes account-service's AccountOpened example for a new account and waits until orders can use it. */
	public String openedAccount() {
		return openedAccount("NORTHEAST", "Smile Orthodontics");
	}

	/** As {@link #openedAccount()}, for an account of that region and name. */
	public String openedAccount(String region, String name) {
		String accountId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account.AccountOpened.v1", 1, Contracts.example("chairside.account.AccountOpened.v1",
						"accountId", accountId, "region", region, "name", name));
		await().until(() -> kafka.consumedAll("order-service", "chairside.accounts"));
		return accountId;
	}

	/** Someone else than the fixed users of {@link #as}: {@code region} null for who sees every region. */
	public Api as(String user, String role, String region) {
		return Api.local(this.port, Infrastructure.get().token(user, role, region));
	}

	/** Places (submits) an order of two treatment chairs and two delivery units. */
	public String place(String accountId) {
		Api.Response placed = as("ACCOUNT_MANAGER").post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2},{"sku":"DU-ORTHO-300","quantity":2}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.field("id");
	}

	public Api.Response move(String id, String status, String committedDate) {
		String date = (committedDate != null) ? ",\"committedDeliveryDate\":\"" + committedDate + "\"" : "";
		return as("SALES_ADMIN").post("/api/orders/" + id + "/status", "{\"status\":\"" + status + "\"" + date + "}");
	}

	/** A request with any headers, answered as text; for If-Match and the like, which {@link Api} does not send. */
	public HttpResponse<String> send(String method, String path, String json, String role, String... headers) {
		return send(method, path, json, role, HttpResponse.BodyHandlers.ofString(), headers);
	}

	public <T> HttpResponse<T> send(String method, String path, String json, String role,
			HttpResponse.BodyHandler<T> body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token(role.toLowerCase(), role))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return http.send(request.build(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static Received awaitEvent(String key, String type) {
		Received event = kafka.awaitRecord("chairside.orders", key, "chairside.order." + type + ".v1");
		assertThat(Contracts.violations("chairside.order." + type + ".v1", event.value())).as(type).isEmpty();
		return event;
	}

	/** How many different events of {@code type} the order has published (a redelivery has the same ce_id). */
	public static long distinct(String key, String type) {
		List<Received> records = kafka.records("chairside.orders");
		return records.stream()
			.filter((r) -> key.equals(r.key()) && r.header("ce_type").equals("chairside.order." + type + ".v1"))
			.map((r) -> r.header("ce_id"))
			.distinct()
			.count();
	}

}
