package edu.campus.logistics.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for one test, pointed at the application under test. Every {@link #step}
 * saves a numbered screenshot under {@code target/screenshots/<TestClass>.<method>/}; a failing test
 * leaves {@code failure.png} and {@code failure.html} there.
 */
public final class Browser implements AutoCloseable {

  /** Generous: two cores are shared by several builds, and the first page load compiles a lot of JS. */
  static final Duration TIMEOUT = Duration.ofSeconds(40);
  /** How much of the page's text a failure message quotes. */
  private static final int SHOWN = 1_500;

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;
  private final Path screenshots;
  private int steps;

  Browser(String baseUrl, Path screenshots) {
    try {
      this.profile = Files.createTempDirectory("campus-chromium-");
      Files.createDirectories(screenshots);
      try (Stream<Path> old = Files.list(screenshots)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.driver = Chromium.start(profile);
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * Types text into the focused field the way an input method commits it (拼音 → "120元"): the
   * whole text at once, with no key events per character (Chrome's {@code Input.insertText}).
   */
  public void insertText(String text) {
    driver.executeCdpCommand("Input.insertText", java.util.Map.of("text", text));
  }

  /** Opens a path of the application, e.g. {@code /camunda/app/tasklist/default/}. */
  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Changes the window size (the default is {@link Chromium#WIDTH} x {@link Chromium#HEIGHT}). */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Lets the page's own animations or polling progress (only where no condition can be waited for). */
  public void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** This test's screenshot folder. */
  public Path screenshots() {
    return screenshots;
  }

  /** Saves a screenshot of the whole window as {@code NN-name.png} and returns its path. */
  public Path step(String name) {
    steps++;
    Path file = screenshots.resolve(String.format("%02d-%s.png", steps, name));
    save(driver.getScreenshotAs(OutputType.FILE).toPath(), file);
    return file;
  }

  public WebElement visible(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator), "visible: " + locator);
  }

  public WebElement clickable(By locator) {
    return until(ExpectedConditions.elementToBeClickable(locator), "clickable: " + locator);
  }

  public void click(By locator) {
    reveal(clickable(locator)).click();
  }

  /**
   * Scrolls the element to the middle of the window (a click scrolls only to the window's edge, where
   * the webapps' fixed footer covers it) and returns it.
   */
  public WebElement reveal(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    return element;
  }

  /**
   * Waits until the element stopped moving (validation messages and animations shift layouts; a click
   * on a moving button lands beside it) and returns it.
   */
  public WebElement steady(WebElement element) {
    Rectangle[] last = {null};
    return until(driver -> {
      Rectangle now = element.getRect();
      boolean settled = now.equals(last[0]);
      last[0] = now;
      if (!settled) {
        pause(Duration.ofMillis(250));
      }
      return settled ? element : null;
    }, "element settled: " + element);
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  /**
   * Waits up to {@link #TIMEOUT} for the condition. A timeout names what was awaited and what the page
   * showed at that moment, so that a failure in CI can be read from the build log alone.
   */
  public <T> T until(Function<WebDriver, T> condition, String what) {
    return within(TIMEOUT, condition, what);
  }

  /** {@link #until} with a shorter patience, for a step that may have to be repeated. */
  public <T> T within(Duration patience, Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver, patience).withMessage(() -> what + "; the page shows: " + shows())
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** The page's visible text on one line, shortened, for failure messages. */
  private String shows() {
    try {
      String text = visibleText().replaceAll("\\s*\\n\\s*", " | ").strip();
      return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + " …";
    } catch (RuntimeException unreadable) {
      return "(unreadable: " + unreadable.getMessage() + ")";
    }
  }

  public Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /** The element's own first text, without the text of child elements such as counters or asterisks. */
  public String ownText(WebElement element) {
    return String.valueOf(script("return arguments[0].firstChild ? arguments[0].firstChild.textContent.trim() : '';",
        element));
  }

  /** The text the user sees on the page (hidden elements excluded). */
  public String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void saveFailure() {
    save(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("failure.png"));
    try {
      Files.writeString(screenshots.resolve("failure.html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the Chromium profile " + profile, e);
    }
  }

  private static void save(Path screenshot, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.move(screenshot, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
