package edu.campus.logistics.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Tasklist's "Start process" dialog after a process was picked: its start form and buttons. */
public final class StartProcessDialog {

  private static final By DIALOG = By.cssSelector(".modal-dialog .modal-content");
  private static final By START = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");

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

  /** Clicks "Start" when the form is expected to refuse; the dialog stays open. Returns the form. */
  public CamundaForm startRefused() {
    browser.click(START);
    return form;
  }
}
