package edu.campus.logistics.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What every Camunda webapp shares: the login page, the header with our brand, the logout menu. */
public final class Webapp {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String ADMIN = "admin";
  public static final String WELCOME = "welcome";

  /** The Community Edition's "migrate to Camunda 8" notice, hidden by our user-styles.css. */
  static final By EOL_BANNER = By.cssSelector("[cam-widget-header] .ce-eol-banner");
  private static final By USERNAME = By.cssSelector("input[ng-model=username]");
  private static final By PASSWORD = By.cssSelector("input[ng-model=password]");
  private static final By SIGN_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
  private static final By ACCOUNT_MENU = By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle");
  private static final By LOGOUT = By.cssSelector("[cam-widget-header] li.logout > a");
  private static final By BRAND = By.cssSelector("[cam-widget-header] a.navbar-brand");
  private static final By ERROR_NOTIFICATIONS = By.cssSelector(".notifications .alert.alert-danger");
  private static final By LOGIN_APP_NAME = By.cssSelector(".form-signin .app-name");

  private Webapp() {
  }

  /** Opens the app's login page (the name people read there is returned by {@link #loginAppName}). */
  public static void openLogin(Browser browser, String app) {
    browser.open("/camunda/app/" + app + "/default/#/login");
    browser.visible(USERNAME);
  }

  /** Logs in through the app's login page as a person types it and waits for the app's header. */
  public static void login(Browser browser, String app, String userId, String password) {
    openLogin(browser, app);
    // the login page focuses its user field a moment after rendering, which can steal keystrokes
    // typed into the password field: type until both fields hold what was typed
    browser.until(driver -> {
      type(browser, USERNAME, userId);
      type(browser, PASSWORD, password);
      return holds(browser, USERNAME, userId) && holds(browser, PASSWORD, password);
    }, "login form filled for " + userId);
    browser.step(app + "-login-" + userId);
    browser.click(SIGN_IN);
    browser.visible(ACCOUNT_MENU);
  }

  private static void type(Browser browser, By field, String text) {
    if (!holds(browser, field, text)) {
      WebElement input = browser.visible(field);
      input.clear();
      input.sendKeys(text);
    }
  }

  private static boolean holds(Browser browser, By field, String text) {
    return text.equals(browser.visible(field).getDomProperty("value"));
  }

  public static void logout(Browser browser) {
    browser.click(ACCOUNT_MENU);
    browser.click(LOGOUT);
    browser.visible(USERNAME);
  }

  public static String loginAppName(Browser browser) {
    return browser.visible(LOGIN_APP_NAME).getText();
  }

  /** The brand in the header of a logged-in page ("学校总务处 校园后勤"). */
  public static String brand(Browser browser) {
    return browser.visible(BRAND).getText();
  }

  /** True when the Camunda 8 migration notice is rendered in the page (whether visible or not). */
  public static boolean eolBannerPresent(Browser browser) {
    return !browser.all(EOL_BANNER).isEmpty();
  }

  /** True when a person would see the Camunda 8 migration notice. */
  public static boolean eolBannerVisible(Browser browser) {
    return browser.all(EOL_BANNER).stream().anyMatch(WebElement::isDisplayed);
  }

  /** The error notifications the page shows ("status: message"), e.g. an engine's refusal. */
  public static List<String> errors(Browser browser) {
    return browser.all(ERROR_NOTIFICATIONS).stream().filter(WebElement::isDisplayed)
        .map(alert -> alert.getText().replace("×", "").trim()).toList();
  }

  /** Waits until the page shows an error notification and returns all shown. */
  public static List<String> awaitErrors(Browser browser) {
    browser.until(driver -> !errors(browser).isEmpty(), "error notification shown");
    return errors(browser);
  }

  /** The name of the logged-in user in the header ("王 芳"). */
  public static String userName(Browser browser) {
    return browser.visible(ACCOUNT_MENU).getText();
  }
}
