package com.chairside.account;

import java.util.List;

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

	/** The records of {@code topic} under {@code key} and of {@code event} (e.g. AccountStatusChanged), in order. */
	public static List<Received> events(String topic, String key, String event) {
		return kafka.records(topic)
			.stream()
			.filter((r) -> key.equals(r.key()) && r.header("ce_type").endsWith("." + event + ".v1"))
			.toList();
	}

	/** Waits for one {@code event} under {@code key} and checks it against its schema. */
	public static Received awaitConforming(String topic, String key, String ceType) {
		Received record = kafka.awaitRecord(topic, key, ceType);
		assertThat(Contracts.violations(ceType, record.value())).as(record.value()).isEmpty();
		return record;
	}

}
