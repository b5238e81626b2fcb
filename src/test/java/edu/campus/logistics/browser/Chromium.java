package edu.campus.logistics.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its matching chromedriver. Nothing is downloaded: when
 * {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver} or a CJK font is missing the test fails with
 * the command that installs them (browser tests must never be skipped silently).
 */
final class Chromium {

  static final Path BINARY = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;

  private static final String INSTALL =
      "install them with: apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does this)";

  private Chromium() {
  }

  /** A new browser with a fresh profile directory; the caller quits it and deletes the directory. */
  static ChromeDriver start(Path userDataDir) {
    requireInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--lang=zh-CN",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  private static void requireInstalled() {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("Chromium not found at " + BINARY + "; " + INSTALL);
    }
    if (!Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("chromedriver not found at " + DRIVER + "; " + INSTALL);
    }
    if (!hasChineseFont()) {
      throw new IllegalStateException("no CJK font installed: every Chinese label would render as empty boxes; "
          + INSTALL);
    }
  }

  private static boolean hasChineseFont() {
    try {
      Process fcList = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
      String fonts = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return fcList.waitFor(30, TimeUnit.SECONDS) && fcList.exitValue() == 0 && !fonts.isBlank();
    } catch (IOException e) {
      throw new IllegalStateException("fc-list (fontconfig, installed with chromium) could not run; " + INSTALL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking for CJK fonts", e);
    }
  }
}
