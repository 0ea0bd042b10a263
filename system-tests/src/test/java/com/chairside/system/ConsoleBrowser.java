package com.chairside.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person at the console in headless Chromium (1280x800) against the suite's gateway: signs in on the identity
 * provider's page, finds things by label, role and visible text only (never by CSS class or generated id), saves
 * screenshots of screens (to system-tests/target/screenshots/, or to docs/screenshots/ with
 * {@code -Dchairside.screenshots=docs}) and keeps what it downloads in a directory of its own.
 */
final class ConsoleBrowser implements AutoCloseable {

	/** What record ids look like here (UUIDs): a screen shows names, order numbers and people instead. */
	private static final Pattern IDS = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");

	final WebDriver driver;

	final WebDriverWait wait;

	final String console;

	private final Suite suite;

	private final Path downloads;

	private ConsoleBrowser(Suite suite) throws IOException {
		this.suite = suite;
		this.console = suite.gatewayUrl() + "/";
		this.downloads = Files.createTempDirectory("chairside-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chairside.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--window-size=1280,800", "--no-sandbox", "--disable-dev-shm-usage",
				"--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("chairside.chromedriver", "/usr/bin/chromedriver")).toFile())
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		// Headless Chromium saves a download only where it is told to, whatever the preferences say.
		chrome.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", this.downloads.toString()));
		this.driver = chrome;
		this.wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
	}

	static ConsoleBrowser open(Suite suite) throws IOException {
		return new ConsoleBrowser(suite);
	}

	/** A browser for a test class, which is skipped when the gateway signs nobody in from a browser. */
	static ConsoleBrowser openWhereSignInIs(Suite suite) throws IOException, InterruptedException {
		assumeTrue(signInAvailable(suite), "the gateway has no browser sign-in yet (GET / answers no redirect to sign in)");
		return open(suite);
	}

	/** A browser asking for the console without a session is sent to sign in (the gateway's oauth2Login). */
	static boolean signInAvailable(Suite suite) throws IOException, InterruptedException {
		HttpResponse<Void> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/")).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.discarding());
		return answer.statusCode() == 302 || answer.statusCode() == 303;
	}

	/** Signs in on the provider's page as one of its users (every password is chairside), after any earlier person. */
	void signIn(String user) {
		// The provider and the gateway share the host 127.0.0.1, so one page's cookies are both parts' sessions.
		this.driver.get(this.console + "favicon.ico");
		this.driver.manage().deleteAllCookies();
		this.driver.get(this.console);
		type(field("Username"), user);
		type(field("Password"), "chairside");
		button("Sign in").click();
	}

	/** Opens a console address (#/orders/...) as a typed or followed link would. */
	void go(String hash) {
		this.driver.get(this.console + hash);
	}

	WebElement field(String label) {
		return field(this.driver.findElement(By.tagName("body")), label);
	}

	/** The control a label names (label[for]), or an input whose accessible name is the text. */
	WebElement field(WebElement within, String label) {
		By byLabel = By.xpath(".//label[normalize-space()='" + label + "']");
		By byName = By.xpath(".//input[@aria-label='" + label + "']");
		this.wait.until((d) -> !within.findElements(byLabel).isEmpty() || !within.findElements(byName).isEmpty());
		List<WebElement> labels = within.findElements(byLabel);
		if (labels.isEmpty()) {
			return within.findElement(byName);
		}
		String target = labels.get(0).getAttribute("for");
		return (target != null && !target.isEmpty()) ? this.driver.findElement(By.id(target))
				: labels.get(0).findElement(By.xpath(".//input|.//select|.//textarea"));
	}

	WebElement form(String name) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[@aria-label='" + name + "']")));
	}

	WebElement button(String text) {
		return this.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']")));
	}

	WebElement button(WebElement within, String text) {
		return within.findElement(By.xpath(".//button[normalize-space()='" + text + "']"));
	}

	WebElement link(String text) {
		return this.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='" + text + "']")));
	}

	/** Searches as a person does, with the search box, and waits for the results. */
	void search(String words) {
		type(this.driver.findElement(By.xpath("//input[@aria-label='Search']")), words);
		button("Search").click();
		heading("Search results for “" + words + "”");
	}

	/** The result whose link starts with the words (an order's is its number, then its practice). */
	WebElement result(String words) {
		return this.wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//main//ul[@aria-label='Search results']//a[starts-with(normalize-space(), '" + words + "')]")));
	}

	/** Waits for the screen's title: exactly the text, or the text followed by a comma or a colon. */
	void heading(String text) {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='" + text + "'"
				+ " or starts-with(normalize-space(), '" + text + ",') or starts-with(normalize-space(), '" + text + ":')]")));
	}

	void text(String text) {
		this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//main//*[contains(normalize-space(), '" + text + "')]")));
	}

	/** Waits for an alert on the screen that says the words (in lower case, whatever the case shown). */
	void alert(String words) {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//*[@role='alert' and contains("
				+ "translate(normalize-space(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '" + words + "')]")));
	}

	void type(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	/** The error shown for a control: the text it is described by, once it is marked invalid. */
	String errorOf(WebElement control) {
		this.wait.until((d) -> "true".equals(control.getAttribute("aria-invalid")));
		return this.driver.findElement(By.id(control.getAttribute("aria-describedby"))).getText();
	}

	/** A date, date-time or number input's value set as its picker would (typing depends on the browser's locale). */
	void setValue(WebElement input, String value) {
		script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				input, value);
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** What the page's own fetch gets for a path (with the person's session cookie): status, type and first bytes. */
	Fetched fetch(String path, String accept) {
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { headers: { Accept: arguments[1] }, credentials: 'same-origin', redirect: 'manual' })
				  .then(async r => {
				    const bytes = new Uint8Array(await r.arrayBuffer()).slice(0, 64);
				    done({ status: r.status, type: r.headers.get('Content-Type'), start: String.fromCharCode(...bytes) });
				  })
				  .catch(e => done({ status: -1, type: null, start: String(e) }));""", path, accept);
		return new Fetched(((Number) answer.get("status")).intValue(), (String) answer.get("type"), (String) answer.get("start"));
	}

	record Fetched(int status, String contentType, String start) {
	}

	/**
	 * From now until the page is reloaded, every value a progress bar of the name takes is noted, as the person would
	 * see it move; {@link #progressSeen} reads them.
	 */
	void watchProgress(String name) {
		script("""
				window.progressSeen = [];
				const note = bar => window.progressSeen.push([Number(bar.value), Number(bar.max)]);
				new MutationObserver(changes => changes.forEach(change => {
				  const bars = change.type === 'attributes' ? [change.target]
				    : [...change.addedNodes].flatMap(n => n.querySelectorAll ? [n, ...n.querySelectorAll('progress')] : []);
				  bars.filter(b => b.localName === 'progress' && b.getAttribute('aria-label') === arguments[0]).forEach(note);
				})).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'max'] });""",
				name);
	}

	/** The [value, max] pairs the watched progress bar showed, in order. */
	List<double[]> progressSeen() {
		List<double[]> seen = new ArrayList<>();
		for (Object pair : (List<?>) script("return window.progressSeen || []")) {
			List<?> values = (List<?>) pair;
			seen.add(new double[] { ((Number) values.get(0)).doubleValue(), ((Number) values.get(1)).doubleValue() });
		}
		return seen;
	}

	/** Steps a person takes; a failing one is reported with what the screen said and a picture of it. */
	void explainFailure(Steps steps) throws Exception {
		try {
			steps.run();
		}
		catch (RuntimeException | AssertionError ex) {
			Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
			Path kept = this.suite.root().resolve("system-tests/target/processes/console-failure.png");
			Files.createDirectories(kept.getParent());
			Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
			throw new AssertionError(ex.getMessage() + "\nat " + this.driver.getCurrentUrl() + " the screen said:\n"
					+ this.driver.findElement(By.tagName("body")).getText() + "\n(picture: " + kept + ")", ex);
		}
	}

	interface Steps {

		void run() throws Exception;

	}

	/** The text of the file downloaded last whose name starts and ends so, once it is there. */
	String downloaded(String prefix, String extension) {
		await().atMost(Duration.ofSeconds(30)).until(() -> file(prefix, extension) != null);
		try {
			return Files.readString(file(prefix, extension), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path file(String prefix, String extension) throws IOException {
		try (Stream<Path> files = Files.list(this.downloads)) {
			return files.filter((f) -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(extension))
				.findFirst()
				.orElse(null);
		}
	}

	/**
	 * A picture of the screen once nothing on it is loading any more, which names things as people do: no id in
	 * what it shows.
	 */
	void screenshot(String screen) throws IOException {
		this.wait.until((d) -> d.findElements(By.xpath("//main//*[@role='status' and starts-with(normalize-space(), 'Loading')]"))
			.isEmpty());
		assertThat(IDS.matcher(this.driver.findElement(By.tagName("main")).getText()).results().map((m) -> m.group()).toList())
			.as("ids shown on the %s screen", screen).isEmpty();
		Path target = screenshots(this.suite.root()).resolve(screen + ".png");
		Files.createDirectories(target.getParent());
		Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Where screenshots go: the build's own directory, so that a test run leaves the working tree as it was, or the
	 * pictures the docs show when they are to be refreshed ({@code -Dchairside.screenshots=docs}).
	 */
	private static Path screenshots(Path root) {
		return "docs".equals(System.getProperty("chairside.screenshots")) ? root.resolve("docs/screenshots")
				: root.resolve("system-tests/target/screenshots");
	}

	/** A screen longer than the window, shot whole: the window made as tall as the page for the moment. */
	void wholePage(String screen) throws IOException {
		Dimension size = this.driver.manage().window().getSize();
		Number height = (Number) ((JavascriptExecutor) this.driver).executeScript("return document.documentElement.scrollHeight");
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 140, 4000)));
		try {
			screenshot(screen);
		}
		finally {
			this.driver.manage().window().setSize(size);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
