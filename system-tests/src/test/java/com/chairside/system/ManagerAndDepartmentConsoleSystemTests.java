package com.chairside.system;

import java.io.IOException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.chairside.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console of those who do not sell, in a real browser (headless Chromium) against the whole suite: the
 * production department sees an order change arrive in its inbox without reloading and acknowledges it; the
 * Northeast's sales manager reads the dashboard, sets targets, approves a discount and downloads the sales-meeting
 * pack as PDF and CSV; the admin runs the routing rules' dry run, reads the webhooks, rebuilds a projection and reads
 * the audit trail; and an account manager of the West finds none of the Northeast's practice, orders or approvals.
 * The records are made through the API with tokens of the same people; the browser signs in through the sign-in page.
 */
class ManagerAndDepartmentConsoleSystemTests {

	static Suite suite;

	static ConsoleBrowser browser;

	@BeforeAll
	static void start() throws Exception {
		suite = Suite.get();
		assumeTrue(ConsoleBrowser.signInAvailable(suite), "the gateway has no browser sign-in yet (GET / answers no redirect to sign in)");
		browser = ConsoleBrowser.open(suite);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void productionSeesAnOrderChangeArriveAndAcknowledgesIt() throws IOException {
		Placed order = placeOrder("Maple Ridge Orthodontics", null);
		Api production = suite.gateway(suite.token("dept.production", "DEPARTMENT", null, "PRODUCTION"));

		browser.signIn("dept.production");
		browser.heading("Inbox: Production");
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//main//table")));
		// The order's placing reached production already; its change is what is to arrive.
		By row = By.xpath("//main//tr[td[normalize-space()='" + order.number() + "'] and td[normalize-space()='"
				+ order.practice() + "'] and td[contains(., 'Order changed')]]");
		assertThat(browser.driver.findElements(row)).isEmpty();

		Api.Response changed = suite.accountManager("NORTHEAST").patch("/api/orders/" + order.id(), """
				{"reason":"Third operatory","lines":[{"sku":"TC-ORTHO-200","quantity":3}]}""");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		String path = "/api/notifications?department=PRODUCTION&eventType=OrderChanged&orderId=" + order.id();
		await().atMost(Duration.ofSeconds(60)).until(() -> production.get(path).json().path("items").size() > 0);

		// Stored now: the open inbox shows it within 5 s, without a reload, naming the order and the practice.
		try {
			new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(row));
		}
		catch (RuntimeException ex) {
			throw new AssertionError("the inbox said:\n" + browser.driver.findElement(By.tagName("main")).getText()
					+ "\nthe notification: " + production.get(path).body(), ex);
		}
		assertThat(browser.driver.findElement(By.xpath("//main//*[@role='status']")).getText()).contains(order.number());
		browser.screenshot("inbox");

		browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='Acknowledge']")).click();
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='"
				+ order.number() + "'] and td[contains(., 'Order changed')] and td[starts-with(normalize-space(), 'Acknowledged by dept.production')]]")));
		JsonNode acknowledged = production.get(path).json().path("items").get(0);
		assertThat(acknowledged.path("inbox").asText()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.path("acknowledgedBy").asText()).isEqualTo("dept.production");
	}

	@Test
	void theSalesManagerApprovesADiscountAndDownloadsThePack() throws IOException {
		Placed quote = placeOrder("Birchwood Oral Surgery", 15);

		browser.signIn("sm.northeast");
		browser.heading("Dashboard");
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main/p[normalize-space()='Northeast · "
				+ YearMonth.now().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US)) + "']")));
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//figure[figcaption[normalize-space()='Targets against actuals']]//*[local-name()='svg' and @role='img']")));
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//figure[figcaption[normalize-space()='Forecast by decision month']]")));
		browser.wholePage("dashboard");

		browser.link("Targets").click();
		browser.heading("Targets");
		browser.type(browser.field("Leads captured"), "120");
		browser.type(browser.field("Leads qualified"), "40");
		browser.type(browser.field("Leads converted"), "12");
		browser.type(browser.field("Bookings"), "950000.00");
		browser.screenshot("targets");
		browser.button("Save targets").click();
		browser.text("are saved");

		browser.link("Approvals").click();
		browser.heading("Approvals");
		By row = By.xpath("//main//tr[td[normalize-space()='" + quote.practice() + "'] and td[normalize-space()='"
				+ quote.number() + "']]");
		WebElement waiting = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
		assertThat(waiting.getText()).contains("Discount").contains("15 %");
		browser.screenshot("approvals");
		waiting.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='"
				+ quote.number() + "']]//*[normalize-space()='Approved']")));
		JsonNode approved = suite.accountManager("NORTHEAST").get("/api/orders/" + quote.id()).json();
		assertThat(approved.path("pendingDiscount").isNull() || approved.path("pendingDiscount").isMissingNode())
			.as("no discount waits any more: %s", approved).isTrue();

		browser.link("Sales-meeting pack").click();
		browser.heading("Sales-meeting pack");
		browser.screenshot("pack");
		browser.link("Download the pack as PDF").click();
		browser.text("Downloaded sales-meeting-NORTHEAST-");
		assertThat(browser.downloaded("sales-meeting-NORTHEAST-", ".pdf")).startsWith("%PDF");
		browser.link("Download the pack as CSV").click();
		browser.text(".csv.");
		assertThat(browser.downloaded("sales-meeting-NORTHEAST-", ".csv")).startsWith("section,item,metric,value");
	}

	@Test
	void anAccountManagerOfAnotherRegionSeesNoneOfIt() {
		Placed quote = placeOrder("Cedar Point Pediatric Dentistry", 15);

		browser.signIn("am.west");
		browser.heading("My day");
		browser.type(browser.driver.findElement(By.xpath("//input[@aria-label='Search']")), quote.practice());
		browser.button("Search").click();
		browser.heading("Search results for “" + quote.practice() + "”");
		browser.text("Nothing matches");

		browser.go("#/orders/" + quote.id());
		browser.alert("not found");
		browser.go("#/accounts/" + quote.accountId());
		browser.alert("not found");
		browser.go("#/approvals");
		browser.heading("Approvals");
		browser.text("Nothing waits for your decision.");
		browser.go("#/inbox");
		browser.heading("Inbox");
		browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//main//*[@role='status' and contains(., 'Loading')]")));
		assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain(quote.practice())
			.doesNotContain(quote.number());
	}

	@Test
	void theAdminDryRunsTheRulesRebuildsAndReadsTheAuditTrail() throws IOException {
		placeOrder("Aspen Dental Studio", null);
		browser.signIn("admin");
		browser.heading("Routing rules");
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//td[normalize-space()='A cancellation']")));
		WebElement dryRun = browser.form("Dry run");
		new Select(browser.field(dryRun, "Event")).selectByVisibleText("Order cancelled");
		browser.button(dryRun, "Run").click();
		WebElement reach = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//h2[normalize-space()='Order cancelled would reach']/..")));
		assertThat(reach.getText()).contains("Production").contains("Finance").contains("A cancellation");
		browser.wholePage("admin-rules");

		browser.link("Webhooks").click();
		browser.heading("Webhooks");
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[normalize-space()='Subscriptions']")));
		browser.screenshot("admin-webhooks");

		browser.link("Rebuilds").click();
		browser.heading("Rebuilds");
		new Select(browser.field("Projection")).selectByVisibleText("Orders");
		browser.button("Start rebuild").click();
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//progress[@aria-label='Rebuild progress']")));
		new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//main//*[@role='status' and starts-with(normalize-space(), 'Orders: rebuilt')]")));
		assertThat(browser.driver.findElement(By.xpath("//progress[@aria-label='Rebuild progress']")).getAttribute("value"))
			.isEqualTo("100");
		browser.screenshot("admin-rebuilds");

		browser.link("Audit").click();
		browser.heading("Audit trail");
		new Select(browser.field("Service")).selectByVisibleText("Orders and approvals");
		new Select(browser.field("Outcome")).selectByVisibleText("Allowed");
		browser.button("Show").click();
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//td[starts-with(normalize-space(), 'POST /api/orders')]")));
		browser.screenshot("admin-audit");
	}

	record Placed(String id, String number, String practice, String accountId) {
	}

	/**
	 * An order of a new practice of the Northeast, made through the API by its account manager: placed at once, or
	 * drafted with a discount that needs a sales manager's approval.
	 */
	private static Placed placeOrder(String name, Integer discountPercent) {
		String practice = name + " " + System.nanoTime() % 1_000_000;
		Api manager = suite.accountManager("NORTHEAST");
		String account = manager.post("/api/accounts", """
				{"name":"%s","specialty":"ORTHODONTICS","city":"Boston","country":"US"}""".formatted(practice)).field("id");
		String body = (discountPercent == null)
				? """
						{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2}],"requestedDeliveryDate":"2027-06-01"}"""
					.formatted(account)
				: """
						{"accountId":"%s","draft":true,"lines":[{"sku":"TC-ORTHO-200","quantity":1,"discountPercent":%d}],
						"requestedDeliveryDate":"2027-06-01"}""".formatted(account, discountPercent);
		Api.Response placed = manager.post("/api/orders", body);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return new Placed(placed.field("id"), placed.field("number"), practice, account);
	}

}
