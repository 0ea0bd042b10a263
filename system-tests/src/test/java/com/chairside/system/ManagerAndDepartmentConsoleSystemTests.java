package com.chairside.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.chairside.testsupport.Api;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console of those who do not sell, in a real browser (headless Chromium) against the whole suite: the
 * production department reads its inbox unread first with an overdue acknowledgement marked, sees an order change
 * arrive without reloading and acknowledges it; the Northeast's sales manager sets targets and finds them on the
 * dashboard, approves one discount, rejects another and approves a cancellation request, and downloads the
 * sales-meeting pack as PDF and CSV; the admin subscribes a webhook and reads its deliveries, runs the routing rules'
 * dry run, rebuilds a projection and reads the audit trail; and an account manager of the West finds none of the
 * Northeast's practice, orders or approvals. The records are made through the API with tokens of the same people; the
 * browser signs in through the sign-in page and finds everything by name.
 */
class ManagerAndDepartmentConsoleSystemTests {

	static Suite suite;

	static ConsoleBrowser browser;

	static SeededOrders seeded;

	@BeforeAll
	static void start() throws Exception {
		suite = Suite.get();
		browser = ConsoleBrowser.openWhereSignInIs(suite);
		seeded = new SeededOrders(suite);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void productionReadsItsInboxAndAcknowledgesAChangeArrivingLive() throws Exception {
		SeededOrders.Placed late = seeded.placed("Juniper Lane Orthodontics");
		seeded.changeQuantity(late, 3);
		SeededOrders.Placed order = seeded.placed("Maple Ridge Orthodontics");
		Api production = suite.gateway(suite.token("dept.production", "DEPARTMENT", null, "PRODUCTION"));
		String latePath = "/api/notifications?department=PRODUCTION&eventType=OrderChanged&orderId=" + late.id();
		await().atMost(Duration.ofSeconds(60)).until(() -> production.get(latePath).json().path("items").size() > 0);
		overdue(late);

		browser.explainFailure(() -> {
			browser.signIn("dept.production");
			browser.heading("Inbox: Production");
			browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//main//table")));
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='"
					+ late.number() + "'] and td[normalize-space()='" + late.practice() + "'] and td[contains(., 'Order changed')]]"
					+ "//*[normalize-space()='Overdue: not acknowledged in time']")));
			// The order's placing reached production already; its change is what is to arrive.
			By row = By.xpath("//main//tr[td[normalize-space()='" + order.number() + "'] and td[normalize-space()='"
					+ order.practice() + "'] and td[contains(., 'Order changed') and .//li[normalize-space()='Quantity of TC-ORTHO-200: 2 → 3']]]");
			assertThat(browser.driver.findElements(row)).isEmpty();

			seeded.changeQuantity(order, 3);
			String path = "/api/notifications?department=PRODUCTION&eventType=OrderChanged&orderId=" + order.id();
			await().atMost(Duration.ofSeconds(60)).until(() -> production.get(path).json().path("items").size() > 0);

			// Stored now: the open inbox shows it within 5 s, without a reload, naming the order and the practice.
			try {
				new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(row));
			}
			catch (RuntimeException ex) {
				throw new AssertionError("the notification: " + production.get(path).body(), ex);
			}
			assertThat(browser.driver.findElement(By.xpath("//main//*[@role='status']")).getText()).contains(order.number());
			browser.screenshot("inbox");

			browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='Acknowledge']")).click();
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='"
					+ order.number() + "'] and td[contains(., 'Order changed')] and td[starts-with(normalize-space(), 'Acknowledged by dept.production')]]")));
			JsonNode acknowledged = production.get(path).json().path("items").get(0);
			assertThat(acknowledged.path("inbox").asString()).isEqualTo("ACKNOWLEDGED");
			assertThat(acknowledged.path("acknowledgedBy").asString()).isEqualTo("dept.production");

			// Opened again: unread first, the acknowledged change below every unread one.
			browser.driver.navigate().refresh();
			browser.heading("Inbox: Production");
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
			List<String> states = browser.driver.findElements(By.xpath("//main//tbody/tr/td[1]")).stream().map(WebElement::getText).toList();
			int lastUnread = states.lastIndexOf("Unread");
			assertThat(lastUnread).as("states in order: %s", states).isGreaterThanOrEqualTo(0);
			assertThat(states.subList(0, lastUnread + 1)).as("unread first: %s", states).containsOnly("Unread");
			assertThat(states.indexOf("Acknowledged")).as("acknowledged after the unread: %s", states).isGreaterThan(lastUnread);
		});
	}

	/**
	 * Time passed for the department: the change's acknowledgement was due an hour ago (production has eight hours;
	 * the test does not wait them), as notification-service stored it.
	 */
	private static void overdue(SeededOrders.Placed order) {
		try (MongoClient store = MongoClients.create(suite.storeConnectionString())) {
			// notification-service's own database, whatever the suite calls it (chairside-notification...)
			String database = store.listDatabaseNames()
				.into(new ArrayList<>())
				.stream()
				.filter((name) -> name.startsWith("chairside-notification"))
				.findFirst()
				.orElseThrow();
			long moved = store.getDatabase(database)
				.getCollection("notifications")
				.updateMany(Filters.and(Filters.eq("orderId", order.id()), Filters.eq("eventType", "OrderChanged"),
						Filters.eq("department", "PRODUCTION")),
						Updates.set("acknowledgeBy", Date.from(Instant.now().minus(Duration.ofHours(1)))))
				.getModifiedCount();
			assertThat(moved).as("production's notifications of the change").isPositive();
		}
	}

	@Test
	void theSalesManagerSetsTargetsDecidesApprovalsAndDownloadsThePack() throws Exception {
		SeededOrders.Placed approved = seeded.quoteWithDiscount("Birchwood Oral Surgery", 15);
		SeededOrders.Placed rejected = seeded.quoteWithDiscount("Willow Creek Dental Studio", 12);
		SeededOrders.Placed cancelled = seeded.cancellationRequested("Granite Peak Orthodontics", "Practice sold to a group");

		browser.explainFailure(() -> {
			browser.signIn("sm.northeast");
			browser.heading("Dashboard");
			String month = YearMonth.now().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US));
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main/p[normalize-space()='Northeast · " + month + "']")));
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
					"//figure[figcaption[normalize-space()='Targets against actuals']]//*[local-name()='svg' and @role='img']")));
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//figure[figcaption[normalize-space()='Forecast by decision month']]")));

			setTargetsAndSeeThemOnTheDashboard();
			decideApprovals(approved, rejected, cancelled);
			downloadThePack();
		});
	}

	private static void setTargetsAndSeeThemOnTheDashboard() throws IOException {
		long bookings = 900_000 + System.nanoTime() % 1000 * 100;
		browser.link("Targets").click();
		browser.heading("Targets");
		browser.type(browser.field("Leads captured"), "120");
		browser.type(browser.field("Leads qualified"), "40");
		browser.type(browser.field("Leads converted"), "12");
		browser.type(browser.field("Bookings"), bookings + ".00");
		browser.screenshot("targets");
		browser.button("Save targets").click();
		browser.text("are saved");

		// The dashboard reads the targets from reporting-service, which hears of them as an event: shown again until there.
		browser.link("Dashboard").click();
		browser.heading("Dashboard");
		By bookingsTarget = By.xpath("//figure[figcaption[normalize-space()='Targets against actuals']]//tr[td[1][normalize-space()='Bookings']]/td[2]");
		String expected = "$%,d.00".formatted(bookings);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			browser.button("Show").click();
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//figure[figcaption[normalize-space()='Targets against actuals']]")));
			return browser.driver.findElements(bookingsTarget).stream().anyMatch((cell) -> cell.getText().equals(expected));
		});
		assertThat(browser.driver.findElement(By.xpath("//figure[figcaption[normalize-space()='Targets against actuals']]"
				+ "//tr[td[1][normalize-space()='Leads captured']]/td[2]")).getText()).isEqualTo("120");
		browser.wholePage("dashboard");
	}

	/** One discount approved, another rejected for a reason, a cancellation request approved; each order then says so. */
	private static void decideApprovals(SeededOrders.Placed approved, SeededOrders.Placed rejected, SeededOrders.Placed cancelled)
			throws IOException {
		browser.link("Approvals").click();
		browser.heading("Approvals");
		WebElement discount = approvalOf(approved);
		assertThat(discount.getText()).contains("Discount").contains("15 %");
		assertThat(approvalOf(rejected).getText()).contains("Discount").contains("12 %");
		assertThat(approvalOf(cancelled).getText()).contains("Cancellation").contains("Practice sold to a group").contains("am.northeast");
		browser.screenshot("approvals");

		browser.button(approvalOf(approved), "Approve").click();
		decided(approved, "Approved");
		browser.button(approvalOf(rejected), "Reject").click();
		WebElement reason = browser.field(approvalOf(rejected), "Reason for rejecting");
		browser.type(reason, "Margin too thin for a single chair");
		browser.button(approvalOf(rejected), "Reject").click();
		decided(rejected, "Rejected");
		browser.button(approvalOf(cancelled), "Approve").click();
		decided(cancelled, "Approved");

		Api manager = suite.accountManager("NORTHEAST");
		assertThat(manager.get("/api/orders/" + approved.id()).json().path("discountApprovedBy").asString()).isEqualTo("sm.northeast");
		assertThat(manager.get("/api/orders/" + rejected.id()).json().path("discountRejection").path("rejectedBy").asString())
			.isEqualTo("sm.northeast");
		assertThat(manager.get("/api/orders/" + cancelled.id()).json().path("status").asString()).isEqualTo("CANCELLED");

		openOrder(approved);
		browser.text("The discount was approved by sm.northeast.");
		openOrder(rejected);
		browser.text("The discount of 12 % was rejected by sm.northeast: Margin too thin for a single chair.");
		openOrder(cancelled);
		browser.text("Cancelled: Practice sold to a group");
		browser.screenshot("order-cancelled");
	}

	private static WebElement approvalOf(SeededOrders.Placed order) {
		return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='"
				+ order.practice() + "'] and td[normalize-space()='" + order.number() + "']]")));
	}

	private static void decided(SeededOrders.Placed order, String decision) {
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='"
				+ order.number() + "']]//*[normalize-space()='" + decision + "']")));
	}

	/** Found by its order number with Search, opened by the link named so. */
	private static void openOrder(SeededOrders.Placed order) {
		browser.search(order.number());
		browser.result(order.number()).click();
		browser.heading("Order " + order.number());
	}

	private static void downloadThePack() throws IOException {
		browser.link("Sales-meeting pack").click();
		browser.heading("Sales-meeting pack");
		browser.screenshot("pack");
		String pack = browser.link("Download the pack as PDF").getAttribute("href");
		ConsoleBrowser.Fetched pdf = browser.fetch(pack, "application/pdf");
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(pdf.start()).startsWith("%PDF-");
		ConsoleBrowser.Fetched csv = browser.fetch(pack, "text/csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.start()).startsWith("section,item,metric,value");

		browser.link("Download the pack as PDF").click();
		browser.text("Downloaded sales-meeting-NORTHEAST-");
		assertThat(browser.downloaded("sales-meeting-NORTHEAST-", ".pdf")).startsWith("%PDF");
		browser.link("Download the pack as CSV").click();
		browser.text(".csv.");
		assertThat(browser.downloaded("sales-meeting-NORTHEAST-", ".csv")).startsWith("section,item,metric,value");
	}

	@Test
	void anAccountManagerOfAnotherRegionSeesNoneOfIt() throws Exception {
		SeededOrders.Placed quote = seeded.quoteWithDiscount("Cedar Point Pediatric Dentistry", 15);

		browser.explainFailure(() -> {
			browser.signIn("am.west");
			browser.heading("My day");
			for (String words : new String[] { quote.practice(), quote.number() }) {
				browser.search(words);
				browser.text("Nothing matches “" + words + "”.");
			}

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
		});
	}

	@Test
	void theAdminSubscribesAWebhookDryRunsTheRulesRebuildsAndReadsTheAuditTrail() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hooks", (exchange) -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
		try {
			browser.explainFailure(() -> {
				browser.signIn("admin");
				browser.heading("Routing rules");
				subscribe(url);
				dryRun(url);
				readDeliveries(url, received);
				rebuild();
				readTheAuditTrail();
			});
		}
		finally {
			receiver.stop(0);
		}
	}

	private static void subscribe(String url) throws IOException {
		browser.link("Webhooks").click();
		browser.heading("Webhooks");
		browser.button("New subscription").click();
		WebElement subscription = browser.form("New subscription");
		new Select(browser.field(subscription, "Department")).selectByVisibleText("Production");
		browser.type(browser.field(subscription, "Address (URL)"), url);
		browser.type(browser.field(subscription, "Signing secret"), "shared-with-production");
		browser.button(subscription, "Subscribe").click();
		browser.text("Production now receives Order changed, Order cancelled at " + url + ".");
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//tr[td[normalize-space()='" + url + "']]")));
		browser.screenshot("admin-webhooks");
	}

	/** Who an order's cancellation would reach: the rules' departments and the subscription just made. */
	private static void dryRun(String url) throws IOException {
		browser.link("Rules").click();
		browser.heading("Routing rules");
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//td[normalize-space()='A cancellation']")));
		WebElement dryRun = browser.form("Dry run");
		new Select(browser.field(dryRun, "Event")).selectByVisibleText("Order cancelled");
		browser.button(dryRun, "Run").click();
		WebElement reach = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//h2[normalize-space()='Order cancelled would reach']/..")));
		assertThat(reach.getText()).contains("Production").contains("Finance").contains("A cancellation")
			.contains("Production: " + url);
		browser.wholePage("admin-rules");
	}

	/** An order changed: the receiver gets it, and the subscription's deliveries name the order by its number. */
	private static void readDeliveries(String url, List<String> received) throws IOException {
		SeededOrders.Placed order = seeded.placed("Aspen Dental Studio");
		seeded.changeQuantity(order, 4);
		await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch((body) -> body.contains(order.id())));

		browser.link("Webhooks").click();
		browser.heading("Webhooks");
		By subscription = By.xpath("//main//tr[td[normalize-space()='" + url + "']]");
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(subscription))
			.findElement(By.xpath(".//a[normalize-space()='Deliveries to Production']"))
			.click();
		By delivered = By.xpath("//section[h2[normalize-space()='Deliveries to Production (" + url + ")']]"
				+ "//tr[td[normalize-space()='" + order.number() + "'] and td[normalize-space()='" + order.practice() + "']"
				+ " and td[normalize-space()='Order changed'] and td[normalize-space()='Sent']]");
		// The receiver answered; the delivery is marked sent right after: read again until it is.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			browser.driver.navigate().refresh();
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[starts-with(normalize-space(), 'Deliveries to Production')]")));
			return !browser.driver.findElements(delivered).isEmpty();
		});
		browser.screenshot("admin-webhook-deliveries");

		browser.button("Close the deliveries").click();
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(subscription))
			.findElement(By.xpath(".//button[normalize-space()='Unsubscribe']"))
			.click();
		browser.driver.switchTo().alert().accept();
		browser.text("Production no longer receives events at " + url + ".");
		assertThat(browser.driver.findElements(subscription)).isEmpty();
	}

	private static void rebuild() throws IOException {
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
	}

	private static void readTheAuditTrail() throws IOException {
		browser.link("Audit").click();
		browser.heading("Audit trail");
		new Select(browser.field("Service")).selectByVisibleText("Orders and approvals");
		new Select(browser.field("Outcome")).selectByVisibleText("Allowed");
		browser.button("Show").click();
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//main//tr[td[normalize-space()='am.northeast'] and td[starts-with(normalize-space(), 'POST /api/orders')]]")));
		browser.screenshot("admin-audit");
	}

}
