package edu.campus.logistics.browser;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A BPMN diagram drawn by bpmn-js in Cockpit. */
public final class ProcessDiagram {

  private static final By CANVAS = By.cssSelector(".djs-container");
  private static final By SHAPES = By.cssSelector(".djs-container g.djs-element.djs-shape");

  private final Browser browser;

  ProcessDiagram(Browser browser) {
    this.browser = browser;
    browser.visible(CANVAS);
    browser.until(driver -> !driver.findElements(SHAPES).isEmpty(), "BPMN shapes drawn");
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

  /** Saves the diagram canvas (not the whole window) as a PNG. */
  public Path capture(Path file) {
    return browser.capture(browser.visible(CANVAS), file);
  }
}
