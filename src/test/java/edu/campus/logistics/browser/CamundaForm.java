package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * A Camunda Form (form-js) as rendered by Tasklist, inside a start dialog or a task pane. Fields are
 * found by the label a person reads ({@code 申请部门}), never by generated ids.
 */
public final class CamundaForm {

  private static final By SELECT_BOX = By.cssSelector(".fjs-input-group");
  private static final By DROPDOWN_ITEM = By.cssSelector(".fjs-dropdownlist-item");
  private static final Pattern DATE_TOKEN = Pattern.compile("yyyy|mm|m|dd|d|年|月|日");
  /**
   * The label of a field, relative to the field: its own label, or the label of a date field's
   * subsection (form-js nests it in {@code fjs-vertical-group/fjs-datetime-subsection}).
   */
  private static final String FIELD_LABEL = "(label | div[contains(@class, 'fjs-vertical-group')]"
      + "/div[contains(@class, 'fjs-datetime-subsection')]/label)[contains(@class, 'fjs-form-field-label')]";
  private static final String FIELD_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')";

  private final Browser browser;
  /** Where this form's fields are searched: the whole form, or one item of a dynamic list. */
  private final Supplier<WebElement> scope;
  /** Which fields in the scope belong to this form (all, or those of one item of a fixed list). */
  private final Predicate<WebElement> member;
  private final String description;

  CamundaForm(Browser browser, By root) {
    this(browser, () -> browser.driver().findElement(root), field -> true, "form in " + root);
    browser.visible(in(root));
  }

  /** The Camunda Form (form-js) rendered inside {@code root}. */
  static By in(By root) {
    return new ByChained(root, By.cssSelector("form.fjs-form"));
  }

  private CamundaForm(Browser browser, Supplier<WebElement> scope, Predicate<WebElement> member, String description) {
    this.browser = browser;
    this.scope = scope;
    this.member = member;
    this.description = description;
  }

  /**
   * One item of a dynamic list (form-js {@code dynamiclist}, e.g. the item lines of a request),
   * counted from 1 as people count lines; fill, choose and errors then work inside that item. A list
   * whose items can be added and removed frames each item; a fixed list (e.g. the purchased lines)
   * shows its items one after the other, told apart by the item index form-js appends to field ids.
   */
  public CamundaForm item(String listLabel, int line) {
    By items = By.cssSelector(".fjs-repeat-row-container");
    String item = listLabel + " line " + line;
    if (!field(listLabel).findElements(items).isEmpty() || isAddable(listLabel)) {
      browser.until(driver -> field(listLabel).findElements(items).size() >= line, item + " shown");
      return new CamundaForm(browser, () -> field(listLabel).findElements(items).get(line - 1), field -> true, item);
    }
    By ofLine = By.xpath(".//*[substring(@id, string-length(@id) - " + (String.valueOf(line - 1).length())
        + ") = '_" + (line - 1) + "']");
    Predicate<WebElement> inLine = field -> !field.findElements(ofLine).isEmpty();
    browser.until(driver -> field(listLabel).findElements(By.xpath(".//div[" + FIELD_CLASS + "]")).stream()
        .anyMatch(inLine), item + " shown");
    return new CamundaForm(browser, () -> field(listLabel), inLine, item);
  }

  private boolean isAddable(String listLabel) {
    return !field(listLabel).findElements(By.cssSelector("button.fjs-repeat-render-add")).isEmpty();
  }

  /** How many items the dynamic list with this label shows. */
  public int itemCount(String listLabel) {
    return field(listLabel).findElements(By.cssSelector(".fjs-repeat-row-container")).size();
  }

  /** Clicks the list's "Add new" and waits for the new, empty item; returns it. */
  public CamundaForm addItem(String listLabel) {
    int before = itemCount(listLabel);
    browser.steady(browser.reveal(field(listLabel).findElement(By.cssSelector("button.fjs-repeat-render-add")))).click();
    browser.until(driver -> itemCount(listLabel) == before + 1, "item added to " + listLabel);
    return item(listLabel, before + 1);
  }

  /**
   * Types into the text, number or text-area field with this label (replacing what it held) and
   * leaves the field, as a person moves on, so that its validation shows before the next action.
   *
   * <p>form-js commits typed text 300 ms later or on leaving the field, and reads the input's value
   * only then; a re-render of the form in between (the previous field's commit recomputing the
   * estimate) puts the old value back into the input, and that old value is what gets committed. So
   * the field is checked once the form has re-rendered after leaving it, and typed again (at most
   * three times) when it no longer shows the value; a field that never keeps it fails the test.
   */
  public CamundaForm fill(String label, String value) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      WebElement input = control(label);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(value);
      browser.script("arguments[0].blur();", control(label));
      browser.pause(Duration.ofMillis(150));
      if (value.equals(control(label).getDomProperty("value"))) {
        return this;
      }
    }
    throw new IllegalStateException(label + " in " + description + " does not keep the typed value " + value
        + "; it shows " + control(label).getDomProperty("value"));
  }

  /**
   * Types into the field with this label as {@link #fill} does, for text the field is expected not
   * to keep as typed (a number field drops letters); returns what the field shows afterwards.
   */
  public String typeRefused(String label, String value) {
    WebElement input = control(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value);
    browser.script("arguments[0].blur();", control(label));
    browser.pause(Duration.ofMillis(400));
    return control(label).getDomProperty("value");
  }

  /** Types into the field as an input method commits text (whole, no key per character); returns the field's value. */
  public String typeAsInputMethod(String label, String value) {
    WebElement input = control(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    browser.insertText(value);
    browser.script("arguments[0].blur();", control(label));
    browser.pause(Duration.ofMillis(400));
    return control(label).getDomProperty("value");
  }

  /** The word scripts/form-feedback.js shows under a number field about a refused key ("" when none). */
  public String numberHint(String label) {
    return field(label).findElements(By.cssSelector(".campus-number-hint")).stream().map(WebElement::getText)
        .findFirst().orElse("");
  }

  /** Picks the radio option or checkbox with this option text in the field with this label. */
  public CamundaForm choose(String label, String option) {
    browser.reveal(field(label).findElement(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]//input")))
        .click();
    return this;
  }

  /** Whether the checkbox field with this label is ticked. */
  public boolean checked(String label) {
    return field(label).findElement(By.cssSelector("input[type='checkbox']")).isSelected();
  }

  /**
   * Picks the option with this text in the dropdown (form-js {@code select}) with this label, as a
   * person opens the list and clicks the line.
   */
  public CamundaForm select(String label, String option) {
    if (selected(label).equals(option)) {
      return this;
    }
    WebElement field = field(label);
    openDropdown(field, label);
    browser.until(driver -> field.findElements(DROPDOWN_ITEM).stream()
        .filter(item -> item.getText().trim().equals(option)).findFirst().orElse(null),
        "option " + option + " offered in " + label + " of " + description).click();
    browser.until(driver -> selected(label).equals(option), option + " selected in " + label);
    return this;
  }

  /**
   * Picks an option as {@link #select} does and returns all option texts the opened dropdown offered.
   */
  public List<String> selectFrom(String label, String option) {
    assertThat(selected(label)).as(label + " still unchosen").isEmpty();
    WebElement field = field(label);
    openDropdown(field, label);
    List<String> options = field.findElements(DROPDOWN_ITEM).stream().map(WebElement::getText).map(String::trim).toList();
    select(label, option);
    return options;
  }

  /**
   * Opens the dropdown of a select field as a person clicks it, clicking again when a click only
   * toggled it shut (form-js toggles the list on each press and also opens it on focus).
   */
  private void openDropdown(WebElement field, String label) {
    browser.until(driver -> {
      if (!field.findElements(DROPDOWN_ITEM).isEmpty()) {
        return true;
      }
      browser.steady(browser.reveal(field.findElement(SELECT_BOX))).click();
      browser.pause(Duration.ofMillis(300));
      return !field.findElements(DROPDOWN_ITEM).isEmpty();
    }, "dropdown of " + label + " open");
  }

  /**
   * The option text a dropdown shows as chosen, "" when none: a plain select shows it in its display
   * (or its "Select" placeholder), a searchable select in its search input.
   */
  public String selected(String label) {
    WebElement field = field(label);
    List<WebElement> display = field.findElements(By.cssSelector(".fjs-select-display"));
    if (display.isEmpty()) {
      return String.valueOf(field.findElement(By.cssSelector("input.fjs-input")).getDomProperty("value")).trim();
    }
    return display.get(0).getDomAttribute("class").contains("fjs-select-placeholder") ? "" : display.get(0).getText().trim();
  }


  /**
   * Types a date into the date field with this label in the format its placeholder shows (it follows
   * the browser's locale, e.g. {@code mm/dd/yyyy}, shown in Chinese as {@code 月/日/年} by
   * scripts/form-js-chinese.js), then leaves the field.
   */
  public CamundaForm fillDate(String label, LocalDate date) {
    String placeholder = control(label).getDomAttribute("placeholder");
    Matcher token = DATE_TOKEN.matcher(placeholder.toLowerCase());
    StringBuilder typed = new StringBuilder();
    while (token.find()) {
      String part = switch (token.group()) {
        case "yyyy", "年" -> String.valueOf(date.getYear());
        case "mm", "月" -> "%02d".formatted(date.getMonthValue());
        case "m" -> String.valueOf(date.getMonthValue());
        case "dd", "日" -> "%02d".formatted(date.getDayOfMonth());
        case "d" -> String.valueOf(date.getDayOfMonth());
        default -> throw new IllegalStateException("date placeholder " + placeholder + " of " + label);
      };
      token.appendReplacement(typed, part);
    }
    token.appendTail(typed);
    return fill(label, typed.toString());
  }

  /** The rows of the table (form-js {@code table}) with this label, each as its cell texts. */
  public List<List<String>> tableRows(String label) {
    return field(label).findElements(By.cssSelector("tbody tr")).stream()
        .map(row -> row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).map(String::trim).toList())
        .toList();
  }

  /** All text the form shows (labels, values of text views, computed texts such as totals). */
  public String text() {
    return scope.get().getText();
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
    return scope.get().findElements(By.xpath(".//div[" + FIELD_CLASS + " and contains(@class, 'fjs-has-errors')]"))
        .stream().map(field -> field.findElements(By.xpath(FIELD_LABEL)).stream().findFirst()
            .map(browser::ownText).orElse("(unlabelled field)"))
        .toList();
  }

  WebElement field(String label) {
    By field = By.xpath(".//div[" + FIELD_CLASS + "][" + FIELD_LABEL + "[1]"
        + "[normalize-space(text()[1])=" + literal(label) + "]]");
    return browser.until(driver -> scope.get().findElements(field).stream().filter(member).findFirst().orElse(null),
        "field labelled " + label + " in " + description);
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
