package com.chairside.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A new account manager's day in the console, as a person does it, in a real browser (headless Chromium) against the
 * whole suite: signs in as am.northeast through the sign-in page, captures a lead, adds the decision maker, qualifies
 * and converts it, places an order from the catalogue with the API's price, changes it, finds the practice with
 * Search and imports a CSV file. Elements are found by label, role and visible text only. A screenshot of each main
 * screen goes to docs/screenshots/.
 */
class AccountManagerConsoleSystemTests {

	static Suite suite;

	static WebDriver browser;

	static WebDriverWait wait;

	static String console;

	@BeforeAll
	static void start() throws Exception {
		suite = Suite.get();
		console = "http://127.0.0.1:" + suite.port("gateway") + "/";
		assumeTrue(browserSignIn(), "the gateway has no browser sign-in yet (GET / answers no redirect to sign in)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chairside.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--window-size=1280,800", "--no-sandbox", "--disable-dev-shm-usage",
				"--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("chairside.chromedriver", "/usr/bin/chromedriver")).toFile())
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** A browser asking for the console without a session is sent to sign in (the gateway's oauth2Login). */
	private static boolean browserSignIn() throws Exception {
		HttpResponse<Void> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(console)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.discarding());
		return answer.statusCode() == 302 || answer.statusCode() == 303;
	}

	@Test
	void anAccountManagerCapturesQualifiesConvertsAndOrders() throws IOException {
		try {
			captureQualifyConvertAndOrder();
		}
		catch (RuntimeException | AssertionError ex) {
			// What the person would have seen: the screen in words and as a picture beside the processes' logs.
			Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, suite.root().resolve("system-tests/target/processes/console-failure.png"),
					StandardCopyOption.REPLACE_EXISTING);
			throw new AssertionError(ex.getMessage() + "\nat " + browser.getCurrentUrl() + " the screen said:\n"
					+ browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

	private void captureQualifyConvertAndOrder() throws IOException {
		long n = System.nanoTime() % 1_000_000;
		signIn("am.northeast", "chairside");
		String practice = captureLead(n);
		refusedAsDuplicate(practice, n);
		addDecisionMakerAndQualify();
		convert(practice);
		logActivityAndBookDemo(n);
		placeAndChangeOrder(practice);
		search(practice);
		importLeads(n);
	}

	static void signIn(String user, String password) throws IOException {
		browser.get(console);
		type(field("Username"), user);
		type(field("Password"), password);
		button("Sign in").click();
		heading("My day");
		screenshot("my-day");
		assertThat(browser.findElements(By.xpath("//main//*[@role='alert' and normalize-space()]")))
			.as("every part of My day loaded").isEmpty();
	}

	static String captureLead(long n) throws IOException {
		String practice = "Harbor View Orthodontics " + n;
		link("Leads").click();
		heading("Leads");
		screenshot("leads");
		button("New lead").click();
		heading("New lead");
		type(field("Country"), "USA");
		button("Save").click();
		assertThat(errorOf(field("Practice name"))).as("the API's field error beside its field").isNotBlank();
		assertThat(errorOf(field("Country"))).contains("country code");
		link("Leads").click();
		heading("Leads");
		fillLead(practice, n);
		screenshot("lead-new");
		button("Save").click();
		heading(practice);
		return practice;
	}

	/** The same practice again: the API's 409 shows as a link to the lead it matches, which opens it. */
	static void refusedAsDuplicate(String practice, long n) throws IOException {
		link("Leads").click();
		heading("Leads");
		fillLead(practice + " again", n);
		button("Save").click();
		text("This practice may already be a lead:");
		assertThat(browser.findElements(By.xpath("//button[normalize-space()='Save anyway']"))).isNotEmpty();
		screenshot("lead-duplicate");
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//form//a[normalize-space()='" + practice + "']"))).click();
		heading(practice);
	}

	private static void fillLead(String practice, long n) {
		button("New lead").click();
		heading("New lead");
		type(field("Practice name"), practice);
		new Select(field("Specialty")).selectByVisibleText("Orthodontics");
		new Select(field("Source")).selectByVisibleText("Conference");
		type(field("City"), "Boston");
		type(field("Country"), "US");
		type(field("E-mail"), "owner" + n + "@harborview.example");
		type(field("Phone"), "+1 617 555 " + String.format("%04d", n % 10000));
		field("Treatment chair").click();
		type(field("Estimated value"), "85000");
	}

	static void addDecisionMakerAndQualify() throws IOException {
		button("Qualify").click();
		text("The lead cannot be qualified yet.");
		text("Authority: add a contact whose buying role is decision maker.");
		WebElement contact = form("Add a contact");
		type(field(contact, "Name"), "Dr. Maya Chen");
		type(field(contact, "Title"), "Owner");
		new Select(field(contact, "Buying role")).selectByVisibleText("Decision maker");
		button(contact, "Add contact").click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//td[normalize-space()='Dr. Maya Chen']")));
		button("Qualify").click();
		text("The lead is qualified.");
		screenshot("lead");
	}

	static void convert(String practice) throws IOException {
		button("Convert").click();
		text("The lead is converted: this is its account.");
		heading(practice);
	}

	/** A call with a next step on the timeline; a demo unit booked, and refused in words for the same time. */
	static void logActivityAndBookDemo(long n) throws IOException {
		WebElement log = form("Log activity");
		new Select(field(log, "Type")).selectByVisibleText("Call");
		type(field(log, "Summary"), "Walked the owner through the treatment chair " + n);
		type(field(log, "Next step"), "Send the quote");
		setDate(field(log, "Next step due"), LocalDate.now().plusDays(3));
		button(log, "Log activity").click();
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//td[normalize-space()='Walked the owner through the treatment chair " + n + "']")));

		String unit = "Demo unit NE-" + n;
		String start = LocalDate.now().plusDays(2) + "T10:00";
		String end = LocalDate.now().plusDays(2) + "T12:00";
		for (String expected : new String[] { "The demo is booked.", "is already booked" }) {
			WebElement demo = form("Book a demo");
			type(field(demo, "Demo unit"), unit);
			setDate(field(demo, "Start"), start);
			setDate(field(demo, "End"), end);
			WebElement product = demo.findElement(
					By.xpath(".//fieldset[legend[normalize-space()='Products to show']]//input[@type='checkbox']"));
			if (!product.isSelected()) {
				product.click();
			}
			button(demo, "Book demo").click();
			text(expected);
		}
		screenshot("account");
	}

	static void placeAndChangeOrder(String practice) throws IOException {
		link("New order").click();
		heading("New order for " + practice);
		WebElement quote = form("Quote");
		Select product = new Select(field(quote, "Product"));
		product.selectByIndex(1);
		String productName = product.getFirstSelectedOption().getText().replaceAll(" \\([^()]*\\)$", "");
		setDate(field(quote, "Requested delivery date"), LocalDate.now().plusMonths(4));
		WebElement total = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//output[@aria-label='Total']")));
		wait.until((d) -> total.getText().matches(".*\\d.*"));
		assertThat(browser.findElements(By.xpath("//td[normalize-space()='" + productName + "']"))).isNotEmpty();
		screenshot("order-new");
		button(quote, "Place order").click();
		text("is placed.");
		WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(title.getText()).startsWith("Order SO-");
		assertThat(browser.findElements(By.xpath("//a[normalize-space()='" + practice + "']"))).isNotEmpty();
		assertThat(browser.findElements(By.xpath("//a[normalize-space()='Order form (PDF)']"))).isNotEmpty();
		screenshot("order");

		button("Change order").click();
		WebElement change = form("Change order");
		type(field(change, "Reason"), "Third operatory");
		WebElement quantity = field(change, "Quantity");
		quantity.clear();
		quantity.sendKeys("3");
		button(change, "Save changes").click();
		text("The order is changed");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//td//li[contains(., '→')]")));
		screenshot("order-changed");
	}

	static void search(String practice) throws IOException {
		WebElement search = browser.findElement(By.xpath("//input[@aria-label='Search']"));
		type(search, practice);
		button("Search").click();
		heading("Search results for “" + practice + "”");
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//main//a[normalize-space()='" + practice + "']")));
		screenshot("search");
	}

	static void importLeads(long n) throws IOException {
		link("Import").click();
		heading("Import leads");
		Path csv = Files.createTempFile("leads", ".csv");
		Files.writeString(csv, String.join("\n",
				"practiceName;specialty;source;city;country;email",
				"Seaside Kids Dental " + n + ";PEDIATRIC_DENTISTRY;CONFERENCE;Portland;US;kids" + n + "@seaside.example",
				"No Contact Practice " + n + ";GENERAL_DENTISTRY;CONFERENCE;Portland;US;") + "\n");
		field("CSV file").sendKeys(csv.toString());
		button("Upload").click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[starts-with(normalize-space(), 'Problem report')]")));
		assertThat(browser.findElement(By.tagName("progress")).getAttribute("value"))
			.isEqualTo(browser.findElement(By.tagName("progress")).getAttribute("max"));
		screenshot("import");
	}

	// --- Finding things as a person does: by label, role and visible text -------------------------------------------

	private static WebElement field(String label) {
		return field(browser.findElement(By.tagName("body")), label);
	}

	/** The control a label names (label[for]), or an input whose accessible name is the text. */
	private static WebElement field(WebElement within, String label) {
		By byLabel = By.xpath(".//label[normalize-space()='" + label + "']");
		wait.until((d) -> !within.findElements(byLabel).isEmpty()
				|| !within.findElements(By.xpath(".//input[@aria-label='" + label + "']")).isEmpty());
		List<WebElement> labels = within.findElements(byLabel);
		if (labels.isEmpty()) {
			return within.findElement(By.xpath(".//input[@aria-label='" + label + "']"));
		}
		WebElement found = labels.get(0);
		String target = found.getAttribute("for");
		return (target != null && !target.isEmpty()) ? browser.findElement(By.id(target))
				: found.findElement(By.xpath(".//input|.//select|.//textarea"));
	}

	/** The error shown for a control: the text it is described by, once it is marked invalid. */
	private static String errorOf(WebElement control) {
		wait.until((d) -> "true".equals(control.getAttribute("aria-invalid")));
		return browser.findElement(By.id(control.getAttribute("aria-describedby"))).getText();
	}

	private static WebElement form(String name) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[@aria-label='" + name + "']")));
	}

	private static WebElement button(String text) {
		return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']")));
	}

	private static WebElement button(WebElement within, String text) {
		return within.findElement(By.xpath(".//button[normalize-space()='" + text + "']"));
	}

	private static WebElement link(String text) {
		return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='" + text + "']")));
	}

	private static void heading(String text) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//h1[normalize-space()='" + text + "' or starts-with(normalize-space(), '" + text + ",')]")));
	}

	private static void text(String text) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//*[contains(normalize-space(), '" + text + "')]")));
	}

	private static void type(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	private static void setDate(WebElement input, LocalDate day) {
		setDate(input, day.toString());
	}

	/** A date or date-time input's value set as its picker would (typing depends on the browser's locale). */
	private static void setDate(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				input, value);
	}

	/** A picture of the screen once nothing on it is loading any more. */
	private static void screenshot(String screen) throws IOException {
		wait.until((d) -> d.findElements(By.xpath("//main//*[@role='status' and starts-with(normalize-space(), 'Loading')]"))
			.isEmpty());
		Path target = suite.root().resolve("docs/screenshots/" + screen + ".png");
		Files.createDirectories(target.getParent());
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
	}

}
