package edu.campus.logistics.browser;

import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * A Camunda Form (form-js) as rendered by Tasklist, inside a start dialog or a task pane. Fields are
 * found by the label a person reads ({@code 申请部门}), never by generated ids.
 */
public final class CamundaForm {

  private static final String FIELD_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')";

  private final Browser browser;
  /** Where this form's fields are searched: the whole form, or one item of a dynamic list. */
  private final Supplier<WebElement> scope;
  private final String description;

  CamundaForm(Browser browser, By root) {
    this(browser, () -> browser.driver().findElement(root), "form in " + root);
    browser.visible(new ByChained(root, By.cssSelector("form.fjs-form")));
  }

  private CamundaForm(Browser browser, Supplier<WebElement> scope, String description) {
    this.browser = browser;
    this.scope = scope;
    this.description = description;
  }

  /**
   * One item of a dynamic list (form-js {@code dynamiclist}, e.g. the item lines of a request),
   * counted from 1 as people count lines; fill, choose and errors then work inside that item.
   */
  public CamundaForm item(String listLabel, int line) {
    By items = By.cssSelector(".fjs-repeat-row-container");
    String item = listLabel + " line " + line;
    browser.until(driver -> field(listLabel).findElements(items).size() >= line, item + " shown");
    return new CamundaForm(browser, () -> field(listLabel).findElements(items).get(line - 1), item);
  }

  /** How many items the dynamic list with this label shows. */
  public int itemCount(String listLabel) {
    return field(listLabel).findElements(By.cssSelector(".fjs-repeat-row-container")).size();
  }

  /** Clicks the list's "Add new" and waits for the new, empty item; returns it. */
  public CamundaForm addItem(String listLabel) {
    int before = itemCount(listLabel);
    browser.steady(field(listLabel).findElement(By.cssSelector("button.fjs-repeat-render-add"))).click();
    browser.until(driver -> itemCount(listLabel) == before + 1, "item added to " + listLabel);
    return item(listLabel, before + 1);
  }

  /**
   * Types into the text, number or text-area field with this label (replacing what it held) and
   * leaves the field, as a person moves on, so that its validation shows before the next action.
   */
  public CamundaForm fill(String label, String value) {
    WebElement input = control(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value);
    browser.script("arguments[0].blur();", input);
    return this;
  }

  /** Picks the radio option or checkbox with this option text in the field with this label. */
  public CamundaForm choose(String label, String option) {
    field(label).findElement(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]//input")).click();
    return this;
  }

  /** The value a field shows (read-only fields included). */
  public String value(String label) {
    return control(label).getDomProperty("value");
  }

  /** The validation messages shown under the field with this label (empty when it is valid). */
  public List<String> errors(String label) {
    return field(label).findElements(By.cssSelector(".fjs-form-field-error li")).stream()
        .map(WebElement::getText).toList();
  }

  /** Waits until the field with this label shows a validation message and returns the messages. */
  public List<String> awaitErrors(String label) {
    browser.until(driver -> !errors(label).isEmpty(), "validation message under " + label);
    return errors(label);
  }

  /**
   * Waits until no field shows a validation message any more (form-js re-validates typed text after a
   * short debounce) and fails naming the fields still refused.
   */
  public CamundaForm awaitValid() {
    browser.until(driver -> invalidFields().isEmpty(), "form valid; still refused: " + invalidFields());
    return this;
  }

  /** Labels of all fields currently showing a validation message. */
  public List<String> invalidFields() {
    return scope.get().findElements(By.xpath(".//div[" + FIELD_CLASS + " and contains(@class, 'fjs-has-errors')]"
            + "/label[contains(@class, 'fjs-form-field-label')][1]"))
        .stream().map(browser::ownText).toList();
  }

  WebElement field(String label) {
    By field = By.xpath(".//div[" + FIELD_CLASS + "][label[contains(@class, 'fjs-form-field-label')][1]"
        + "[normalize-space(text()[1])=" + literal(label) + "]]");
    return browser.until(driver -> {
      List<WebElement> found = scope.get().findElements(field);
      return found.isEmpty() ? null : found.get(0);
    }, "field labelled " + label + " in " + description);
  }

  private WebElement control(String label) {
    return field(label).findElement(By.cssSelector("input, textarea, select"));
  }

  /** An XPath string literal for any text (labels may contain quotes). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
