package edu.campus.logistics.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Pictures for people: when the browser tests run with {@code -Ddocs.images=true}, chosen screenshots
 * and the process diagrams are copied to {@code docs/images/} (committed, shown in README.md);
 * otherwise they stay in {@code target/screenshots/} only.
 */
final class DocsImages {

  static final boolean ENABLED = Boolean.getBoolean("docs.images");
  static final Path FOLDER = Path.of("docs", "images");

  private DocsImages() {
  }

  /** Copies a screenshot to docs/images/name when enabled; returns the screenshot unchanged. */
  static Path publish(Path screenshot, String name) {
    if (!ENABLED) {
      return screenshot;
    }
    try {
      Files.createDirectories(FOLDER);
      Files.copy(screenshot, FOLDER.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      return screenshot;
    } catch (IOException e) {
      throw new UncheckedIOException("could not publish " + screenshot + " to " + FOLDER, e);
    }
  }
}
