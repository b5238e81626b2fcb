package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Our users meet "校园后勤" of "学校总务处" in every Camunda webapp, and never the Community Edition's
 * "migrate to Camunda 8" notice (hidden by app/<webapp>/styles/user-styles.css).
 */
@BrowserTest
class WebappBrandingBrowserIT {

  private static final String NAME = "校园后勤";
  private static final String VENDOR = "学校总务处";
  private static final String MIGRATION_NOTICE = "migrate to Camunda 8";

  @Test
  void loginPageShowsOurName(Browser browser) {
    Webapp.openLogin(browser, Webapp.TASKLIST);
    browser.step("tasklist-login-page");

    assertThat(Webapp.loginAppName(browser)).isEqualTo(NAME);
    assertThat(browser.visibleText()).doesNotContain(MIGRATION_NOTICE);
  }

  @Test
  void everyWebappCarriesOurBrandWithoutTheMigrationNotice(Browser browser) {
    Webapp.login(browser, Webapp.TASKLIST, "admin", "admin");
    for (String app : new String[] {Webapp.TASKLIST, Webapp.COCKPIT, Webapp.ADMIN, Webapp.WELCOME}) {
      browser.open("/camunda/app/" + app + "/default/");
      String brand = Webapp.brand(browser);
      browser.step(app + "-branded");

      assertThat(brand).as(app + " header").isEqualTo(VENDOR + " " + NAME);
      assertThat(browser.driver().getTitle()).as(app + " window title").contains(NAME);
      assertThat(Webapp.eolBannerPresent(browser)).as(app + " renders the CE notice element").isTrue();
      assertThat(Webapp.eolBannerVisible(browser)).as(app + " shows the CE notice").isFalse();
      assertThat(browser.visibleText()).as(app + " page text").doesNotContain(MIGRATION_NOTICE);
    }
  }

  @Test
  void tasklistGreetsTheUserByName(Browser browser) {
    TasklistPage.login(browser, "wangfang");
    browser.step("tasklist-wangfang");

    assertThat(Webapp.userName(browser)).isEqualTo("王 芳");
    assertThat(Webapp.eolBannerVisible(browser)).isFalse();
  }
}
