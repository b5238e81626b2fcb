package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * 通知设置 in Tasklist's header: a teacher turns e-mail off (and is told he will hear nothing), is
 * refused a robot address of a host not allowed — in Chinese, nothing stored — then sets a DingTalk
 * robot, and finally goes back to e-mail only; after each save the REST answer
 * (GET /api/notifications/preferences) holds what the panel said.
 */
@BrowserTest
class NotificationSettingsBrowserIT {

  private static final By LINK = By.cssSelector(".campus-notification-settings-link");
  private static final By PANEL = By.id("campus-notification-settings");
  private static final By EMAIL = By.id("campus-notify-email");
  private static final By ROBOT = By.id("campus-notify-robot");
  private static final By WEBHOOK = By.id("campus-notify-webhook");
  private static final By SAVE = By.id("campus-notify-save");
  private static final By RESULT = By.cssSelector("#campus-notification-settings .campus-notify-result");
  private static final String USER = "liuyang";
  private static final String ROBOT_URL = "https://oapi.dingtalk.com/robot/send?access_token=browser-test";

  @Autowired
  private Environment environment;

  @Test
  void aTeacherChoosesHowHeHearsAndTheServerKeepsWhatThePanelSays(Browser browser) {
    CampusApi api = new CampusApi(environment);
    TasklistPage.login(browser, USER);
    browser.click(LINK);
    WebElement email = browser.until(driver -> driver.findElements(EMAIL).isEmpty() ? null : driver.findElement(EMAIL),
        "the settings read");
    assertThat(browser.visible(PANEL).getText()).contains("通知设置", "邮件（发送到 liuyang@school.example）", "群机器人");
    assertThat(email.isSelected()).isTrue();
    assertThat(browser.driver().findElement(WEBHOOK).isDisplayed()).as("no robot address without a robot").isFalse();
    browser.step("settings-opened");

    // e-mail off: nothing at all
    email.click();
    assertThat(browser.visible(By.cssSelector(".campus-notify-none")).getText()).isEqualTo("您不会收到通知；待办仍在任务列表中。");
    browser.click(SAVE);
    saved(browser, "已保存：不接收通知");
    JsonNode none = api.get("/api/notifications/preferences", USER);
    assertThat(none.path("emailEnabled").asBoolean()).isFalse();
    assertThat(none.hasNonNull("webhookUrl")).isFalse();

    // a robot of a host that is not allowed: refused in Chinese, nothing stored
    browser.click(ROBOT);
    WebElement webhook = browser.visible(WEBHOOK);
    webhook.sendKeys("https://attacker.example/robot/send?access_token=x");
    browser.click(SAVE);
    String refusal = browser.until(driver -> {
      String text = driver.findElement(RESULT).getText();
      return text.contains("不在允许的列表中") ? text : null;
    }, "the refusal");
    assertThat(refusal).doesNotContain(" / ");
    browser.step("robot-refused");
    assertThat(api.get("/api/notifications/preferences", USER).hasNonNull("webhookUrl")).isFalse();

    // the school's DingTalk robot
    webhook.clear();
    webhook.sendKeys(ROBOT_URL);
    browser.click(SAVE);
    saved(browser, "已保存：群机器人通知");
    JsonNode robot = api.get("/api/notifications/preferences", USER);
    assertThat(robot.path("emailEnabled").asBoolean()).isFalse();
    assertThat(robot.path("webhookUrl").asText()).isEqualTo(ROBOT_URL);
    browser.step("robot-saved");

    // back to e-mail only, as read again when the panel is opened anew
    browser.click(By.xpath("//*[@id='campus-notification-settings']//button[normalize-space(.)='关闭']"));
    browser.until(driver -> driver.findElements(PANEL).isEmpty(), "panel closed");
    browser.click(LINK);
    WebElement robotBox = browser.until(driver -> driver.findElements(ROBOT).isEmpty() ? null : driver.findElement(ROBOT),
        "the settings read again");
    assertThat(robotBox.isSelected()).isTrue();
    assertThat(browser.visible(WEBHOOK).getAttribute("value")).isEqualTo(ROBOT_URL);
    browser.click(EMAIL);
    browser.click(ROBOT);
    browser.click(SAVE);
    saved(browser, "已保存：邮件通知");
    JsonNode emailOnly = api.get("/api/notifications/preferences", USER);
    assertThat(emailOnly.path("emailEnabled").asBoolean()).isTrue();
    assertThat(emailOnly.hasNonNull("webhookUrl")).isFalse();
  }

  private static void saved(Browser browser, String text) {
    browser.until(driver -> driver.findElement(RESULT).getText().equals(text) ? text : null, text);
  }
}
