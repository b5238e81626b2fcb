package edu.campus.logistics.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The right column of Tasklist with one opened task: its name, assignee, claim, form, notes, complete. */
public final class TaskPane {

  private static final By PANE = By.cssSelector("section.task-details section.task-card");
  private static final By TITLE = By.cssSelector("section.task-details h2.task");
  private static final By CLAIM = By.cssSelector("section.task-details button.claim");
  private static final By ASSIGNEE = By.cssSelector("section.task-details li.assignee");
  private static final By COMPLETE = By.cssSelector("section.task-details .form-actions button[ng-click='complete()']");
  private static final By ADD_NOTE = By.cssSelector("section.task-details a.createCommentLink");
  private static final By NOTE_TEXT = By.id("comment-form-message");
  private static final By NOTE_SAVE = By.cssSelector(".modal form[name='newComment'] button[type='submit']");
  private static final By HISTORY_TAB = By.xpath("//section[contains(@class,'task-details')]"
      + "//ul[contains(@class,'nav-tabs')]//a[normalize-space()='历史']");
  private static final By HISTORY_EVENTS = By.cssSelector("section.task-details .history-pane .instant");

  private final Browser browser;

  TaskPane(Browser browser, String taskName) {
    this.browser = browser;
    browser.until(driver -> driver.findElement(TITLE).getText().trim().equals(taskName), "task pane of " + taskName);
  }

  /** Claims the task and waits until Tasklist shows an assignee instead of "Claim". */
  public TaskPane claim() {
    browser.click(CLAIM);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM), "task claimed");
    return this;
  }

  /**
   * Clicks "Claim" where the engine refuses it (e.g. four-eyes) and returns the error notifications
   * Tasklist shows; the task stays unclaimed.
   */
  public List<String> claimRefused() {
    browser.click(CLAIM);
    List<String> errors = Webapp.awaitErrors(browser);
    browser.visible(CLAIM);
    return errors;
  }

  /** The assignee shown on the task ("" when unclaimed). */
  public String assignee() {
    return browser.all(CLAIM).stream().anyMatch(WebElement::isDisplayed) ? "" : browser.visible(ASSIGNEE).getText().trim();
  }

  public CamundaForm form() {
    return new CamundaForm(browser, PANE);
  }

  /** 添加备注: types the note in Tasklist's dialog, saves it and waits until the dialog is closed. */
  public TaskPane addNote(String text) {
    browser.click(ADD_NOTE);
    browser.visible(NOTE_TEXT).sendKeys(text);
    browser.click(NOTE_SAVE);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(NOTE_TEXT), "the note dialog closed");
    return this;
  }

  /** Opens the 历史 tab and returns its entries (time, who, what) once {@code expected} is among them. */
  public List<String> historyShowing(String expected) {
    browser.click(HISTORY_TAB);
    return browser.until(driver -> {
      List<String> events = browser.all(HISTORY_EVENTS).stream().map(event -> event.getText().replaceAll("\\s+", " ").trim())
          .toList();
      return events.stream().anyMatch(event -> event.contains(expected)) ? events : null;
    }, "the 历史 tab showing " + expected);
  }

  /** Clicks "Complete" and waits until the task left the pane. */
  public void complete() {
    browser.click(COMPLETE);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(PANE), "task completed");
  }
}
