package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.repair.RepairVariables;
import edu.campus.logistics.scan.MyReports;
import edu.campus.logistics.scan.Places;
import edu.campus.logistics.scan.ReportPhotos;
import edu.campus.logistics.scan.ScanCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 扫码报修 on a phone (375 x 812): a teacher scans the code of a toilet, signs in with the school
 * account, reports a dripping tap and reads the case number; once the first responder took it the page
 * names them; after the repair (driven through the engine here) the teacher opens 我的报修 on the phone
 * and confirms it there.
 */
@BrowserTest
class ScanReportBrowserIT {

  private static final String REPORTER = "zhangwei";
  private static final String FIRST_RESPONDER = "zhengkai";
  private static final String TECHNICIAN = "hejun";

  @Autowired
  private ProcessEngine processEngine;
  @Autowired
  private Places places;
  @Autowired
  private ScanCodes codes;
  @Autowired
  private ReportPhotos photos;

  @Test
  void aTeacherReportsByPhoneAndConfirmsTheRepairThere(Browser browser) {
    String suffix = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    String code = "JXL-3WC-" + suffix;
    String location = places.save(code, "教学楼", "三楼卫生间" + suffix, "test").location();
    String description = "洗手池水龙头关不严，一直滴水（" + suffix + "）";

    browser.resize(375, 812);
    String scanned = codes.placeUrl(code);
    browser.open(scanned.substring(scanned.indexOf(ScanCodes.REPORT_PAGE)));
    browser.visible(By.id("username")).sendKeys(REPORTER);
    browser.visible(By.id("password")).sendKeys(REPORTER);
    browser.step("login");
    browser.click(By.cssSelector("#login-form button[type=submit]"));

    assertThat(browser.visible(By.id("place")).getText()).isEqualTo(location);
    browser.click(By.xpath("//*[@id='categories']//span[normalize-space(.)='水']"));
    browser.visible(By.id("description")).sendKeys(description);
    byte[] photo = codes.png("滴水的水龙头");
    browser.driver().findElement(By.id("photo")).sendKeys(photoFile(photo).toString());
    assertThat(horizontalOverflow(browser)).as("page wider than the phone").isFalse();
    DocsImages.publish(browser.step("report-filled"), "phone-scan-report.png");
    browser.click(By.id("submit-report"));

    String accepted = browser.until(driver -> {
      String text = driver.findElement(By.id("accepted")).getText();
      return text.startsWith("已受理，编号 BX-") ? text : null;
    }, "the case number shown");
    String businessKey = accepted.substring("已受理，编号 ".length());
    assertThat(browser.visible(By.id("responder")).getText()).isEqualTo("正在等待后勤人员受理…");
    browser.until(driver -> driver.findElement(By.id("photo-state")).getText().equals("照片已上传。"), "photo uploaded");
    browser.step("accepted");

    ProcessInstance repair = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.REPAIR).processInstanceBusinessKey(businessKey).singleResult();
    assertThat(repair).as("repair " + businessKey).isNotNull();
    assertThat(photos.photo(REPORTER, repair.getId())).hasValueSatisfying(stored -> {
      assertThat(stored.mediaType()).isEqualTo("image/png");
      assertThat(stored.content()).isEqualTo(photo);
    });
    Map<String, Object> variables = processEngine.getRuntimeService().getVariables(repair.getId());
    assertThat(variables).containsEntry(RepairVariables.LOCATION, location)
        .containsEntry(RepairVariables.REPORTER_ID, REPORTER).containsEntry(RepairVariables.CATEGORY, "plumbing")
        .containsEntry(RepairVariables.URGENCY, "normal").containsEntry(RepairVariables.DESCRIPTION, description);

    CaseDriver cases = new CaseDriver(processEngine);
    cases.claimAndComplete(FIRST_RESPONDER, cases.task(repair, "Task_DispatchRepair"),
        Map.of(RepairVariables.DISPATCH_MODE, "technician", RepairVariables.TECHNICIAN, TECHNICIAN));
    browser.until(driver -> driver.findElement(By.id("responder")).getText().equals("首问负责人：郑凯"),
        "the first responder named");
    browser.step("taken");

    cases.claimAndComplete(TECHNICIAN, cases.task(repair, "Task_RepairWork"), Map.of(RepairVariables.WORK_DONE, "更换水龙头阀芯",
        RepairVariables.CAUSE, "wear", RepairVariables.PARTS_USED, List.of(), RepairVariables.REPAIR_COST, 0.0));
    // the job executor posts the (empty) parts; then the follow-up waits for the reporter
    browser.until(driver -> cases.waitsAt(repair, MyReports.CONFIRM_TASK), "the follow-up");
    // later, from the phone's bookmark: 我的报修 lists the report as waiting for the teacher
    browser.open(ScanCodes.REPORT_PAGE);
    By listed = By.xpath("//*[@id='mine-list']//a[contains(., '" + businessKey + "')]");
    assertThat(browser.visible(listed).getText()).isEqualTo(businessKey + " · " + location + " · 待您确认");
    browser.step("my-reports");
    browser.click(listed);
    WebElement confirm = browser.visible(By.id("confirm-form"));
    browser.click(By.xpath("//*[@id='confirm-form']//span[normalize-space(.)='已修好']"));
    browser.click(By.xpath("//*[@id='confirm-form']//span[normalize-space(.)='5 非常满意']"));
    assertThat(horizontalOverflow(browser)).as("page wider than the phone").isFalse();
    browser.step("confirm-filled");
    browser.click(By.id("submit-confirm"));
    browser.until(driver -> driver.findElement(By.id("message")).getText().equals("谢谢！回访确认已提交。"), "confirmed");
    assertThat(confirm.isDisplayed()).isFalse();
    browser.step("confirmed");

    assertThat(processEngine.getRuntimeService().getVariable(repair.getId(), RepairVariables.FIXED)).isEqualTo(true);
    assertThat(processEngine.getRuntimeService().getVariable(repair.getId(), RepairVariables.SATISFACTION)).isEqualTo(5);
    Task close = cases.task(repair, "Task_CloseCase");
    assertThat(close.getAssignee()).isEqualTo(FIRST_RESPONDER);

    // a shared phone: 退出 ends the session, the page asks for a login again
    browser.click(By.id("logout"));
    browser.until(driver -> driver.findElement(By.id("message")).getText().equals("已退出登录。"), "signed out");
    browser.open(ScanCodes.REPORT_PAGE);
    browser.visible(By.id("username"));
  }

  private static Path photoFile(byte[] png) {
    try {
      Path file = Files.createTempFile("tap-", ".png");
      file.toFile().deleteOnExit();
      return Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean horizontalOverflow(Browser browser) {
    return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
  }
}
