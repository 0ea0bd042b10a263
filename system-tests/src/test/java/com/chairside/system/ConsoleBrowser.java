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
import java.util.List;
import java.util.Map;
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

import static org.awaitility.Awaitility.await;

/**
 * A person at the console in headless Chromium (1280x800) against the suite's gateway: signs in on the identity
 * provider's page, finds things by label, role and visible text only (never by CSS class or generated id), saves
 * screenshots of screens to docs/screenshots/ and keeps what it downloads in a directory of its own.
 */
final class ConsoleBrowser implements AutoCloseable {

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

	void screenshot(String screen) throws IOException {
		Path target = this.suite.root().resolve("docs/screenshots/" + screen + ".png");
		Files.createDirectories(target.getParent());
		Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
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
