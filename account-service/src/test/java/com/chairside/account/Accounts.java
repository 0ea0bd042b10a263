package com.chairside.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: opening accounts over HTTP and reading what account-service published about them. */
public final class Accounts {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private Accounts() {
	}

	/** Opens an account directly and returns its id. */
	public static String open(Api api, String json) {
		Api.Response opened = api.post("/api/accounts", json);
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.field("id");
	}

	public static String open(Api api) {
		return open(api, """
				{"name":"Harbor Dental","specialty":"GENERAL_DENTISTRY","city":"Portland","country":"US"}""");
	}

	/**
	 * The events of {@code topic} under {@code key} and of {@code event} (e.g. AccountStatusChanged), in order, each
	 * once: the outbox may publish an event again with the same {@code ce_id} (README, "Duplicates, never losses"), and
	 * consumers drop such duplicates, so the tests count what a consumer sees.
	 */
	public static List<Received> events(String topic, String key, String event) {
		Set<String> seen = new HashSet<>();
		return kafka.records(topic)
			.stream()
			.filter((r) -> key.equals(r.key()) && r.header("ce_type").endsWith("." + event + ".v1"))
			.filter((r) -> seen.add(r.header("ce_id")))
			.toList();
	}

	/** Waits for one {@code event} under {@code key} and checks it against its schema. */
	public static Received awaitConforming(String topic, String key, String ceType) {
		Received record = kafka.awaitRecord(topic, key, ceType);
		assertThat(Contracts.violations(ceType, record.value())).as(record.value()).isEmpty();
		return record;
	}

}
