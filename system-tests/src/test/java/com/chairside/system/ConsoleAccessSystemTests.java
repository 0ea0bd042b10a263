package com.chairside.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chairside.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console without a mouse, on a tablet and in another language, in headless Chromium against the whole suite: an
 * account manager of the Southwest signs in, searches, opens the practice found and captures a lead with the keyboard
 * alone, each control reached showing where the focus is; the main screens of every role fit 768x1024 and 1280x800
 * without sideways scrolling, with the navigation in reach; a browser that reads German shows money and dates the
 * German way; the header's links open the API and the event documentation. One browser for all of it.
 */
class ConsoleAccessSystemTests {

	static final Dimension TABLET = new Dimension(768, 1024);

	static final Dimension LAPTOP = new Dimension(1280, 800);

	static Suite suite;

	static ConsoleBrowser browser;

	/** A Southwest practice with an estimated value, its account and an order, made through the API. */
	static String practice;

	static String leadId;

	static String accountId;

	static String orderId;

	@BeforeAll
	static void start() throws Exception {
		suite = Suite.get();
		assumeTrue(ConsoleBrowser.signInAvailable(suite), "the gateway has no browser sign-in yet (GET / answers no redirect to sign in)");
		Api southwest = suite.accountManager("SOUTHWEST");
		practice = "Saguaro Family Dental " + System.nanoTime() % 1_000_000;
		Api.Response lead = southwest.post("/api/leads", """
				{"practiceName":"%s","specialty":"GENERAL_DENTISTRY","region":"SOUTHWEST","source":"INBOUND_WEB",
				 "city":"Tucson","country":"US","estimatedValue":{"amount":"85000.00","currency":"USD"}}""".formatted(practice));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		leadId = lead.field("id");
		Api.Response account = southwest.post("/api/accounts", """
				{"name":"%s Clinic","specialty":"ORTHODONTICS","city":"Tucson","country":"US"}""".formatted(practice));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		accountId = account.field("id");
		Api.Response order = southwest.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2}],"requestedDeliveryDate":"2027-06-01"}"""
			.formatted(accountId));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		orderId = order.field("id");
		browser = ConsoleBrowser.open(suite);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anAccountManagerSearchesOpensAndCapturesALeadByKeyboardAlone() throws Exception {
		browser.driver.get(browser.console + "favicon.ico");
		browser.driver.manage().deleteAllCookies();
		browser.driver.get(browser.console);
		browser.field("Username");
		assertThat(focused().getAccessibleName()).as("the sign-in page starts in Username").isEqualTo("Username");
		press("am.southwest", Keys.TAB, "chairside", Keys.ENTER);
		browser.heading("My day");

		// From the top of the screen the first Tab offers the way past the navigation.
		WebElement skip = tab(false);
		assertThat(skip.getAccessibleName()).isEqualTo("Skip to content");
		press(Keys.ENTER);
		assertThat(focusedHeading()).startsWith("My day");

		// Back up to the search box, search, and open what it found.
		tabTo("searchbox", "Search", true);
		press(practice, Keys.ENTER);
		browser.heading("Search results for “" + practice + "”");
		assertThat(focusedHeading()).as("a new screen puts the focus on its title").startsWith("Search results");
		tabTo("link", practice, false);
		press(Keys.ENTER);
		assertThat(focusedHeading()).isEqualTo(practice);

		// A new lead: Leads in the navigation, its New lead button, the form filled and saved.
		tabTo("link", "Leads", true);
		press(Keys.ENTER);
		assertThat(focusedHeading()).isEqualTo("Leads");
		tabTo("button", "New lead", false);
		press(Keys.ENTER);
		browser.heading("New lead");
		browser.wait.until((d) -> "Practice name".equals(focused().getAccessibleName()));
		String captured = "Mesa Verde Dental " + System.nanoTime() % 1_000_000;
		press(captured);
		WebElement specialty = tabTo("combobox", "Specialty", false);
		press("Orthodontics");
		assertThat(new Select(specialty).getFirstSelectedOption().getText()).isEqualTo("Orthodontics");
		WebElement source = tabTo("combobox", "Source", false);
		press("Inbound call");
		assertThat(new Select(source).getFirstSelectedOption().getText()).isEqualTo("Inbound call");
		tabTo("textbox", "City", false);
		press("Flagstaff");
		tabTo("textbox", "Country", false);
		press("US");
		tabTo("button", "Save", false);
		browser.screenshot("keyboard-focus");
		press(Keys.ENTER);
		browser.heading(captured);
		assertThat(focusedHeading()).isEqualTo(captured);
	}

	@Test
	void theMainScreensFitATabletAndALaptopWithTheNavigationInReach() throws IOException {
		Map<String, List<String>> screens = new LinkedHashMap<>();
		screens.put("am.southwest", List.of("#/my-day", "#/leads", "#/leads/new", "#/leads/" + leadId,
				"#/accounts/" + accountId, "#/orders/" + orderId, "#/orders/new?account=" + accountId,
				"#/search?q=" + practice.replace(" ", "%20"), "#/import"));
		screens.put("sm.southwest", List.of("#/dashboard", "#/targets", "#/approvals", "#/pack"));
		screens.put("dept.production", List.of("#/inbox"));
		screens.put("admin", List.of("#/admin/rules", "#/admin/webhooks", "#/admin/rebuilds", "#/admin/audit"));
		List<String> problems = new ArrayList<>();
		try {
			for (Map.Entry<String, List<String>> person : screens.entrySet()) {
				browser.signIn(person.getKey());
				browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
				for (String screen : person.getValue()) {
					browser.go(screen);
					for (Dimension size : List.of(TABLET, LAPTOP)) {
						viewport(size);
						loaded();
						problems.addAll(fits(person.getKey() + " " + screen, size));
					}
				}
				if (person.getKey().equals("am.southwest")) {
					viewport(TABLET);
					browser.go("#/leads");
					loaded();
					browser.screenshot("leads-tablet");
				}
			}
		}
		finally {
			((ChromeDriver) browser.driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aBrowserThatReadsGermanShowsMoneyAndDatesTheGermanWay() throws IOException {
		ChromeDriver chrome = (ChromeDriver) browser.driver;
		String agent = (String) script("return navigator.userAgent");
		chrome.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "de-DE"));
		try {
			browser.signIn("am.southwest");
			browser.heading("My day");
			assertThat(script("return navigator.language")).isEqualTo("de-DE");
			browser.go("#/leads");
			WebElement row = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//main//tr[td[normalize-space()='" + practice + "']]")));
			List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
			assertThat(cells).as("estimated value and the day captured").contains("85.000,00 $")
				.anySatisfy((cell) -> assertThat(cell).matches("\\d{2}\\.\\d{2}\\.\\d{4}"));
			browser.screenshot("leads-german");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "en-US"));
		}
	}

	@Test
	void theHeaderLinksTheApiAndTheEventDocumentation() {
		browser.signIn("am.southwest");
		browser.heading("My day");
		browser.driver.findElement(By.linkText("API documentation")).click();
		// Swagger UI drawn from the gateway's merged document: its title, and the gateway's own operation in it.
		browser.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//h1[starts-with(normalize-space(), 'Chairside API')]")));
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[@data-path='/api/search']")));
		browser.driver.navigate().back();
		browser.heading("My day");
		browser.driver.findElement(By.linkText("Event documentation")).click();
		browser.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//h1[starts-with(normalize-space(), 'Chairside events')]")));
		assertThat(browser.driver.findElements(By.linkText("OrderChanged"))).isNotEmpty();
	}

	/** Nothing wider than the window, and the navigation, the search box and Sign out all on screen. */
	private static List<String> fits(String screen, Dimension size) {
		@SuppressWarnings("unchecked")
		Map<String, Object> measured = (Map<String, Object>) script("""
				const root = document.documentElement, width = root.clientWidth;
				const outside = el => { const r = el.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > width + 0.5; };
				const reach = [...document.querySelectorAll('nav[aria-label="Main"] a, input[aria-label="Search"]'),
				  ...[...document.querySelectorAll('header button')].filter(b => b.textContent.trim() === 'Sign out')];
				const scrolled = el => { for (let up = el.parentElement; up; up = up.parentElement) {
				  if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return true; } return false; };
				return {
				  scroll: root.scrollWidth, client: width,
				  wide: [...document.querySelectorAll('body *')]
				    .filter(el => el.getBoundingClientRect().right > width + 0.5 && !scrolled(el))
				    .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right)),
				  outOfReach: reach.filter(outside).map(el => el.textContent.trim() || el.getAttribute('aria-label')),
				  reachable: reach.length
				};""");
		List<String> problems = new ArrayList<>();
		String at = screen + " at " + size.getWidth() + "x" + size.getHeight();
		int client = ((Number) measured.get("client")).intValue();
		if (client > size.getWidth() || client < size.getWidth() - 20) {
			problems.add(at + " was laid out " + client + " wide");
		}
		if (((Number) measured.get("scroll")).intValue() > client) {
			problems.add(at + " scrolls sideways: " + measured.get("scroll") + " > " + measured.get("client") + ", "
					+ measured.get("wide"));
		}
		if (!((List<?>) measured.get("outOfReach")).isEmpty() || ((Number) measured.get("reachable")).intValue() < 3) {
			problems.add(at + " leaves out of reach: " + measured.get("outOfReach"));
		}
		return problems;
	}

	/** The page laid out for a screen of the size, as a tablet or a laptop shows it. */
	private static void viewport(Dimension size) {
		((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width",
				size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", false));
	}

	/** The screen's title is there and nothing on it says it is loading. */
	private static void loaded() {
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//h1")));
		browser.wait.until((d) -> d.findElements(
				By.xpath("//main//*[@role='status' and starts-with(normalize-space(), 'Loading')]")).isEmpty());
	}

	private static WebElement focused() {
		return browser.driver.switchTo().activeElement();
	}

	/** The text of the screen's title once it has the focus. */
	private static String focusedHeading() {
		browser.wait.until((d) -> focused().getTagName().equals("h1"));
		return focused().getText();
	}

	private static void press(CharSequence... keys) {
		new Actions(browser.driver).sendKeys(keys).perform();
	}

	/** One Tab (or Shift+Tab): the element it reaches, which must show that it has the focus. */
	private static WebElement tab(boolean backwards) {
		Actions actions = new Actions(browser.driver);
		(backwards ? actions.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT) : actions.sendKeys(Keys.TAB)).perform();
		WebElement reached = focused();
		@SuppressWarnings("unchecked")
		Map<String, Object> focus = (Map<String, Object>) script("""
				const el = arguments[0], style = getComputedStyle(el), box = el.getBoundingClientRect();
				return {
				  indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
				  onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
				  style: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor + ' / ' + style.boxShadow
				};""", reached);
		String what = reached.getTagName() + " '" + reached.getAccessibleName() + "' (" + focus.get("style") + ")";
		assertThat(focus.get("indicator")).as("%s shows an outline or a ring", what).isEqualTo(true);
		assertThat(focus.get("onScreen")).as("%s is on screen", what).isEqualTo(true);
		return reached;
	}

	/** Tabs until the focus is on the control of the role and name; every stop on the way shows its focus. */
	private static WebElement tabTo(String role, String name, boolean backwards) {
		List<String> passed = new ArrayList<>();
		for (int stops = 0; stops < 40; stops++) {
			WebElement reached = tab(backwards);
			if (role.equals(reached.getAriaRole()) && name.equals(reached.getAccessibleName())) {
				return reached;
			}
			passed.add(reached.getAriaRole() + " '" + reached.getAccessibleName() + "'");
		}
		throw new AssertionError("no " + role + " '" + name + "' within 40 stops: " + passed);
	}

	private static Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser.driver).executeScript(script, arguments);
	}

}
