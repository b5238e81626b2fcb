package edu.campus.logistics.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The right column of Tasklist with one opened task: its name, assignee, claim, form, complete. */
public final class TaskPane {

  private static final By PANE = By.cssSelector("section.task-details section.task-card");
  private static final By TITLE = By.cssSelector("section.task-details h2.task");
  private static final By CLAIM = By.cssSelector("section.task-details button.claim");
  private static final By ASSIGNEE = By.cssSelector("section.task-details li.assignee");
  private static final By COMPLETE = By.cssSelector("section.task-details .form-actions button[ng-click='complete()']");

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

  /** Clicks "Complete" and waits until the task left the pane. */
  public void complete() {
    browser.click(COMPLETE);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(PANE), "task completed");
  }
}
