package edu.campus.logistics.browser;

import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Counts the clicks a person makes in the browser: every press of the mouse button on the page
 * ({@code pointerdown} the browser itself dispatched, not one a script made), kept in the tab's
 * session storage so that it survives the page loads of logging in. Typed text is not a click.
 */
final class Clicks {

  private static final String KEY = "campus-logistics.clicks";
  private static final String COUNTER = "(function(){document.addEventListener('pointerdown',function(e){if(e.isTrusted){"
      + "sessionStorage.setItem('" + KEY + "',String(Number(sessionStorage.getItem('" + KEY + "')||0)+1));}},true);})();";

  private final Browser browser;

  private Clicks(Browser browser) {
    this.browser = browser;
  }

  /** Starts counting in every page this browser opens from now on, from zero. */
  static Clicks count(Browser browser) {
    ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNTER));
    Clicks clicks = new Clicks(browser);
    clicks.reset();
    return clicks;
  }

  /** Starts again from zero (in the page open now; the first page of a test may not be open yet). */
  void reset() {
    if (!browser.driver().getCurrentUrl().startsWith("data:")) {
      browser.script("sessionStorage.removeItem('" + KEY + "');");
    }
  }

  /** The clicks since counting (or the last reset) began. */
  int sofar() {
    Object counted = browser.script("return Number(sessionStorage.getItem('" + KEY + "')||0);");
    return ((Number) counted).intValue();
  }
}
