package com.chairside.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The searches' tests share these: asking with any text, the ids of the hits in order, a 400 naming a field. */
public final class Searches {

	private Searches() {
	}

	/** {@code GET <path>?q=<text>}, the text encoded as a browser would. */
	public static Api.Response search(Api api, String path, String q) {
		return api.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
	}

	/** The ids of the items, in order, of an answer that must be 200. */
	public static List<String> ids(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	/** The request is refused with 400 problem+json whose first error names {@code field}. */
	public static void assertBadRequest(Api api, String path, String field) {
		Api.Response refused = api.get(path);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

}
