package com.chairside.order.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The order form other services fetch with the shared key, over real HTTP: in English or German, nobody else. */
@OrderServiceTest
class OrderFormServiceIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = OrderFixtures.on(this.port);
	}

	private String confirmedOrder() {
		String id = this.fixtures.place(this.fixtures.openedAccount());
		assertThat(this.fixtures.move(id, "CONFIRMED", "2027-03-10").status()).isEqualTo(200);
		return id;
	}

	private HttpResponse<byte[]> form(String id, String lang, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/internal/orders/" + id + "/form.pdf?lang=" + lang));
		if (key != null) {
			request.header("X-Chairside-Service-Key", key);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	@Test
	void printsTheFormInGermanForTheServiceKey() throws Exception {
		String id = confirmedOrder();
		Api.Response order = this.fixtures.as("ACCOUNT_MANAGER").get("/api/orders/" + id);
		String number = order.json().path("number").asString();

		HttpResponse<byte[]> german = form(id, "de", "dev-order-form-key");

		assertThat(german.statusCode()).isEqualTo(200);
		assertThat(german.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
		String text = text(german.body());
		assertThat(text).contains("Auftragsbestätigung", "Bestellung " + number, "Zugesagter Liefertermin: 10.03.2027",
				"Gesamt").doesNotContain("Order confirmation", "2027-03-10");
		assertThat(text).containsPattern("\\d{1,3}(\\.\\d{3})*,\\d{2} USD");
	}

	@Test
	void printsTheFormInEnglishByDefault() throws Exception {
		String id = confirmedOrder();

		String text = text(form(id, "en", "dev-order-form-key").body());

		assertThat(text).contains("Order confirmation", "Committed delivery date: 2027-03-10");
	}

	@Test
	void refusesACallerWithoutTheKey() throws Exception {
		String id = confirmedOrder();

		assertThat(form(id, "en", null).statusCode()).isEqualTo(401);
		assertThat(form(id, "en", "guessed").statusCode()).isEqualTo(401);
	}

	@Test
	void answersNotFoundForAnUnknownOrder() throws Exception {
		assertThat(form("no-such-order", "de", "dev-order-form-key").statusCode()).isEqualTo(404);
	}

}
