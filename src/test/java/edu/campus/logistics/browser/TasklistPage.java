package edu.campus.logistics.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a logged-in person sees it: filters, task list, start process. */
public final class TasklistPage {

  private static final By FILTER_LINKS = By.cssSelector(".task-filters .task-filter h4.name a");
  private static final By ACTIVE_FILTER = By.cssSelector(".task-filters .task-filter.active h4.name a");
  private static final By TASK_CARDS = By.cssSelector(".tasks-list ol.tasks-list li.task");
  private static final By TASK_LINKS = By.cssSelector(".tasks-list ol.tasks-list li.task h4.task a");
  private static final By CARD_LINK = By.cssSelector("h4.task a");
  private static final By LIST_LOADING = By.cssSelector(".tasks-list .loader");
  private static final By TASK_DETAILS = By.cssSelector("section.task-details");
  private static final By TOOLTIP = By.cssSelector(".tooltip");
  private static final By START_PROCESS = By.cssSelector(".start-process-action a");

  private final Browser browser;

  private TasklistPage(Browser browser) {
    this.browser = browser;
  }

  /** Logs a demo user in through the Tasklist login page (demo password = user id). */
  public static TasklistPage login(Browser browser, String userId) {
    return login(browser, userId, userId);
  }

  public static TasklistPage login(Browser browser, String userId, String password) {
    Webapp.login(browser, Webapp.TASKLIST, userId, password);
    TasklistPage page = new TasklistPage(browser);
    browser.until(driver -> !page.filterNames().isEmpty(), "Tasklist filters of " + userId);
    return page;
  }

  /** Names of the filters in the left column, in the order shown. */
  public List<String> filterNames() {
    return browser.all(FILTER_LINKS).stream().map(browser::ownText).toList();
  }

  /** The name of the filter Tasklist shows selected ("" while none is). */
  public String activeFilter() {
    return browser.all(ACTIVE_FILTER).stream().map(browser::ownText).findFirst().orElse("");
  }

  /** Selects a filter by its name and waits for its task list. */
  public TasklistPage openFilter(String name) {
    // the description tooltip of the filter under the mouse may cover its neighbour: move away first
    new Actions(browser.driver()).moveToElement(browser.visible(TASK_DETAILS)).perform();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(TOOLTIP), "tooltips gone");
    filterLink(name).click();
    browser.until(driver -> driver.findElements(ACTIVE_FILTER).stream().map(browser::ownText)
        .anyMatch(name::equals), "filter " + name + " selected");
    awaitList();
    return this;
  }

  /** Names of the tasks in the middle column. */
  public List<String> taskNames() {
    awaitList();
    return browser.all(TASK_LINKS).stream().map(WebElement::getText).map(String::trim).toList();
  }

  /** Task names of the cards in the open filter whose card shows this text (e.g. a unique reason). */
  public List<String> taskNames(String cardText) {
    awaitList();
    return names(cards(showing(cardText)));
  }

  /**
   * Waits until the filter lists a task with this name whose card shows this text, re-selecting the
   * filter as a person would refresh (asynchronous steps may create the task a moment later).
   */
  public TasklistPage awaitTask(String filter, String taskName, String cardText) {
    return awaitCard(filter, taskName, showing(cardText), "showing \"" + cardText + "\"");
  }

  /**
   * Like {@link #awaitTask(String, String, String)} for the card of one task, found by the task id in
   * its link: task cards show business variables (事由, 部门…) only to people who may read the process
   * instance, so the card of a buyer's or storekeeper's task carries nothing else to tell it apart.
   */
  public TasklistPage awaitTaskWithId(String filter, String taskName, String taskId) {
    return awaitCard(filter, taskName, withId(taskId), "with id " + taskId);
  }

  /** Opens the task with this name whose card shows this text and waits for its form. */
  public TaskPane openTask(String taskName, String cardText) {
    return open(taskName, showing(cardText), "showing " + cardText);
  }

  /** Opens the task with this name and id (see {@link #awaitTaskWithId}) and waits for its form. */
  public TaskPane openTaskWithId(String taskName, String taskId) {
    return open(taskName, withId(taskId), "with id " + taskId);
  }

  /** The text on the card of the task with this id (task name, process, business variables shown). */
  public String cardText(String taskId) {
    return cards(withId(taskId)).stream().map(WebElement::getText).findFirst().orElse("");
  }

  /** Opens "Start process", picks the process by its name and waits for its start form. */
  public StartProcessDialog startProcess(String processName) {
    browser.click(START_PROCESS);
    return StartProcessDialog.choose(browser, processName);
  }

  public void logout() {
    Webapp.logout(browser);
  }

  private WebElement filterLink(String name) {
    return browser.until(driver -> driver.findElements(FILTER_LINKS).stream()
        .filter(link -> browser.ownText(link).equals(name)).findFirst().orElse(null), "filter " + name);
  }

  private TasklistPage awaitCard(String filter, String taskName, Predicate<WebElement> card, String which) {
    Instant deadline = Instant.now().plus(Browser.TIMEOUT);
    openFilter(filter);
    while (!shownNames(card).contains(taskName)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no task \"" + taskName + "\" " + which + " in filter " + filter
            + " within " + Browser.TIMEOUT + "; shown: " + taskNames());
      }
      browser.pause(Duration.ofMillis(500));
      openFilter(filter);
    }
    return this;
  }

  private TaskPane open(String taskName, Predicate<WebElement> card, String which) {
    // Tasklist re-renders its list now and then: find and click in one attempt, again if the card went stale
    browser.until(driver -> {
      WebElement link = cards(card).stream().map(found -> found.findElement(CARD_LINK))
          .filter(found -> found.getText().trim().equals(taskName)).findFirst().orElse(null);
      if (link == null) {
        return false;
      }
      // centred first: a card at the bottom of the list lies under Tasklist's fixed footer
      browser.reveal(link).click();
      return true;
    }, "task " + taskName + " " + which);
    return new TaskPane(browser, taskName);
  }

  private static Predicate<WebElement> showing(String cardText) {
    return card -> card.getText().contains(cardText);
  }

  private static Predicate<WebElement> withId(String taskId) {
    return card -> String.valueOf(card.findElement(CARD_LINK).getDomAttribute("href")).endsWith("task=" + taskId);
  }

  /** The names of the cards the predicate picks; none while Tasklist re-renders its list under our feet (read again next round). */
  private List<String> shownNames(Predicate<WebElement> card) {
    try {
      return names(cards(card));
    } catch (StaleElementReferenceException reRendered) {
      return List.of();
    }
  }

  private static List<String> names(List<WebElement> cards) {
    return cards.stream().map(card -> card.findElement(CARD_LINK).getText().trim()).toList();
  }

  private List<WebElement> cards(Predicate<WebElement> card) {
    awaitList();
    return browser.all(TASK_CARDS).stream().filter(card).toList();
  }

  private void awaitList() {
    browser.until(ExpectedConditions.invisibilityOfElementLocated(LIST_LOADING), "task list loaded");
  }
}
