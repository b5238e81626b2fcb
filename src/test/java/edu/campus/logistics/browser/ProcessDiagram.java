package edu.campus.logistics.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/** A BPMN diagram drawn by bpmn-js in Cockpit. */
public final class ProcessDiagram {

  private static final By CANVAS = By.cssSelector(".djs-container");
  private static final int MARGIN = 24;
  private static final By MAXIMIZE = By.cssSelector(".maximize-collapsable");
  private static final By FIT = By.cssSelector("button[ng-click='resetZoom()']");
  private static final By SHAPES = By.cssSelector(".djs-container g.djs-element.djs-shape");

  private final Browser browser;

  ProcessDiagram(Browser browser) {
    this.browser = browser;
    browser.visible(CANVAS);
    browser.until(driver -> !driver.findElements(SHAPES).isEmpty(), "BPMN shapes drawn");
  }

  /**
   * Enlarges the diagram over the page (Cockpit's "maximize" control; Cockpit remembers it, so the
   * next definition opens maximized already) and fits it into view again.
   */
  public ProcessDiagram maximize() {
    if (browser.all(MAXIMIZE).stream().anyMatch(WebElement::isDisplayed)) {
      browser.click(MAXIMIZE);
    }
    browser.until(driver -> driver.findElements(MAXIMIZE).stream().noneMatch(WebElement::isDisplayed), "diagram maximized");
    browser.steady(browser.visible(CANVAS));
    browser.steady(browser.clickable(FIT)).click();
    return this;
  }

  /** The ids of all drawn shapes (tasks, events, gateways...). */
  public List<String> shapeIds() {
    return browser.all(SHAPES).stream().map(shape -> shape.getDomAttribute("data-element-id")).toList();
  }

  /** The text drawn inside or under a shape (its Chinese name). */
  public String label(String elementId) {
    List<WebElement> texts = browser.all(By.cssSelector(".djs-container g.djs-element[data-element-id='"
        + elementId + "'] text, .djs-container g.djs-element[data-element-id='" + elementId + "_label'] text"));
    return String.join("", texts.stream().map(WebElement::getText).toList()).replace("\n", "");
  }

  /**
   * Saves a documentation picture: the drawn process only, cropped to its shapes with a small margin,
   * without Cockpit's runtime overlays (instance counts) and zoom controls.
   */
  public Path picture(Path file) {
    WebElement canvas = browser.visible(CANVAS);
    browser.script("arguments[0].querySelectorAll('.djs-overlay-container').forEach(e => e.style.display = 'none');"
        + "document.querySelectorAll('[cam-widget-bpmn-viewer] .navigation, .toggle-statistics')"
        + ".forEach(e => e.style.visibility = 'hidden');", canvas);
    @SuppressWarnings("unchecked")
    Map<String, Number> box = (Map<String, Number>) browser.script(
        "const shapes = arguments[0].querySelector('svg .viewport').getBoundingClientRect();"
            + "const canvas = arguments[0].getBoundingClientRect();"
            + "return {x: shapes.left - canvas.left, y: shapes.top - canvas.top, width: shapes.width, height: shapes.height};",
        canvas);
    try {
      BufferedImage whole = ImageIO.read(new ByteArrayInputStream(canvas.getScreenshotAs(OutputType.BYTES)));
      int x = Math.max(0, box.get("x").intValue() - MARGIN);
      int y = Math.max(0, box.get("y").intValue() - MARGIN);
      int width = Math.min(whole.getWidth() - x, box.get("width").intValue() + 2 * MARGIN);
      int height = Math.min(whole.getHeight() - y, box.get("height").intValue() + 2 * MARGIN);
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(whole.getSubimage(x, y, width, height), "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
