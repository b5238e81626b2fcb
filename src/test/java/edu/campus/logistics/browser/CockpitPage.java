package edu.campus.logistics.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a manager sees it: the deployed processes and their diagrams. */
public final class CockpitPage {

  static final String APP = "/camunda/app/cockpit/default/";
  private static final By PROCESS_LINKS = By.cssSelector("[cam-widget-header] ~ * table tbody td a, .processes-dashboard table tbody a");

  private final Browser browser;

  private CockpitPage(Browser browser) {
    this.browser = browser;
  }

  /** Logs a demo user in through the Cockpit login page (demo password = user id). */
  public static CockpitPage login(Browser browser, String userId) {
    Webapp.login(browser, Webapp.COCKPIT, userId, userId);
    return new CockpitPage(browser);
  }

  /** Opens the "Processes" page listing the deployed process definitions. */
  public CockpitPage openProcesses() {
    browser.open(APP + "#/processes");
    browser.until(driver -> !processNames().isEmpty(), "process definitions listed in Cockpit");
    return this;
  }

  public List<String> processNames() {
    return browser.all(PROCESS_LINKS).stream().map(WebElement::getText).map(String::trim)
        .filter(name -> !name.isEmpty()).toList();
  }

  /** Clicks a process definition by its name on the "Processes" page and waits for its diagram. */
  public ProcessDiagram openProcess(String name) {
    browser.until(driver -> browser.all(PROCESS_LINKS).stream().filter(link -> link.getText().trim().equals(name))
        .findFirst().orElse(null), "process " + name + " listed").click();
    return new ProcessDiagram(browser);
  }

  /** Opens a process definition's page directly (by definition id) and waits for its diagram. */
  public ProcessDiagram openDefinition(String processDefinitionId) {
    browser.open(APP + "#/process-definition/" + processDefinitionId + "/runtime");
    return new ProcessDiagram(browser);
  }
}
