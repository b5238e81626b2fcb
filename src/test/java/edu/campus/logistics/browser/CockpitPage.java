package edu.campus.logistics.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Opens the "Human Tasks" page (open tasks by assignment and per group) and waits until its
   * per-group table has loaded or an error took its place; returns the page's text.
   */
  public String openHumanTasks() {
    browser.open(APP + "#/tasks");
    return browser.until(driver -> {
      String text = driver.findElement(By.cssSelector("body")).getText();
      return text.contains("按用户组统计指派") && (text.contains("合计") || text.contains("无法获取")) ? text : null;
    }, "Human Tasks page loaded");
  }

  /** The Human Tasks page's table "按用户组统计指派": open tasks per candidate group, once it has rows. */
  public Map<String, Integer> tasksPerGroup() {
    By rows = By.xpath("//*[contains(normalize-space(.), '按用户组统计指派')]/ancestor::*[.//table][1]//table//tbody/tr[count(td) >= 2]");
    return browser.until(driver -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (WebElement row : driver.findElements(rows)) {
        List<WebElement> cells = row.findElements(By.cssSelector("td"));
        String count = cells.get(0).getText().trim();
        if (count.matches("\\d+")) {
          counts.put(cells.get(1).getText().trim(), Integer.valueOf(count));
        }
      }
      return counts.isEmpty() ? null : counts;
    }, "open tasks per group listed");
  }

  /**
   * Opens a process instance's 异常 tab directly and returns the type shown for each of its {@code expected}
   * incidents, once that many rows are there and none shows a type Cockpit wrote in English or as a code.
   */
  /**
   * Opens the instance's 异常 tab and returns its incidents, each as its type and message, once {@code expected}
   * are listed and no type is shown in Latin letters (Cockpit's own English, translated by hard-coded-english.js).
   */
  public List<List<String>> incidents(String processInstanceId, int expected) {
    browser.open(APP + "#/process-instance/" + processInstanceId + "/runtime?tab=incidents-tab");
    By rows = By.cssSelector("table.incidents-tab tbody tr");
    return browser.until(driver -> {
      List<List<String>> shown = driver.findElements(rows).stream().map(row -> List.of(
          row.findElement(By.cssSelector("td.type")).getText().trim(),
          row.findElement(By.cssSelector("td.message")).getText().trim())).toList();
      return shown.size() == expected && shown.stream().noneMatch(incident -> incident.get(0).matches(".*[A-Za-z].*"))
          ? shown : null;
    }, expected + " incidents listed with their types in words");
  }

  /** Opens a process definition's page directly (by definition id) and waits for its diagram. */
  public ProcessDiagram openDefinition(String processDefinitionId) {
    browser.open(APP + "#/process-definition/" + processDefinitionId + "/runtime");
    return new ProcessDiagram(browser);
  }
}
