package edu.campus.logistics.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Tasklist's "Start process" dialog after a process was picked: its start form and buttons. */
public final class StartProcessDialog {

  private static final By DIALOG = By.cssSelector(".modal-dialog .modal-content");
  /** The dialog's "Start" (发起) button, found by its action, whatever language it is labelled in. */
  private static final By START =
      By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");
  private static final By NOTIFICATION_CLOSE =
      By.cssSelector(".modal-content .notifications button.close[ng-click^='removeNotification']");

  private final Browser browser;
  private final CamundaForm form;

  private StartProcessDialog(Browser browser) {
    this.browser = browser;
    this.form = new CamundaForm(browser, DIALOG);
  }

  static StartProcessDialog choose(Browser browser, String processName) {
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()="
        + CamundaForm.literal(processName) + "]"));
    return new StartProcessDialog(browser);
  }

  public CamundaForm form() {
    return form;
  }

  /** Clicks "Start" and waits until the dialog closed: the process instance exists. */
  public void start() {
    browser.click(START);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(DIALOG), "start dialog closed after Start");
  }

  /** Closes the dialog's notifications (e.g. "The process could not be started.") with their ×. */
  public StartProcessDialog dismissNotifications() {
    for (WebElement close : browser.all(NOTIFICATION_CLOSE)) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser.until(driver -> driver.findElements(NOTIFICATION_CLOSE).stream().noneMatch(WebElement::isDisplayed),
        "notifications dismissed");
    return this;
  }

  /** Whether "Start" can be clicked right now (Tasklist disables it while the form is invalid). */
  public boolean canStart() {
    return browser.visible(START).isEnabled();
  }

  /** Waits until Tasklist disabled "Start" (it follows the form's validation a moment later). */
  public StartProcessDialog awaitStartDisabled() {
    browser.until(driver -> !canStart(), "Start disabled");
    return this;
  }

  /** Waits until Tasklist enabled "Start" (every edited field valid). */
  public StartProcessDialog awaitStartEnabled() {
    browser.until(driver -> canStart(), "Start enabled");
    return this;
  }

  /**
   * Tries to start a form that is expected to be refused. Tasklist refuses in one of two ways: "Start"
   * is already disabled (the form knows it is invalid) and nothing happens, or the click makes the form
   * show its validation messages. Either way the dialog stays open and nothing is started.
   */
  public CamundaForm startRefused() {
    if (canStart()) {
      browser.click(START);
      browser.until(driver -> !form.invalidFields().isEmpty(), "validation messages in the start form");
    }
    return form;
  }
}
