package edu.campus.logistics.browser;

import static edu.campus.logistics.CaseDriver.as;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head of logistics opens Cockpit: the dashboard tile shows the open repairs, and the 后勤指标 page
 * draws its charts (Chart.js from this application, nothing from elsewhere) with the figures of three
 * repair cases made here: one fixed and closed, one urgent in work, one not yet taken. The page links
 * the audit exports with its period, and the head of logistics downloads the stock ledger from it; the
 * director of general affairs, who reads the KPIs but may not download, gets no links (and 403).
 */
@BrowserTest
class LogisticsKpiBrowserIT {

  @Autowired
  private RuntimeService runtime;
  @Autowired
  private TaskService tasks;
  @Autowired
  private ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void logisticsHeadSeesTheKpiTileAndThePageWithChartsDrawn(Browser browser) {
    Instant now = Instant.now();
    ProcessInstance fixed = report(now.minus(Duration.ofHours(5)), "教学楼三楼卫生间", "plumbing", "水龙头漏水", "normal");
    at(now.minus(Duration.ofMinutes(290)));
    claimAndDispatch(fixed, "zhengkai", "majian");
    at(now.minus(Duration.ofHours(3)));
    complete(fixed, "Task_RepairWork", "majian", Map.of("workDone", "更换水龙头", "cause", "wear", "partsUsed", List.of(),
        "repairCost", 0.0));
    at(now.minus(Duration.ofHours(2)));
    complete(fixed, "Task_ConfirmRepair", "zhangwei", Map.of("fixed", true, "satisfaction", 5));
    complete(fixed, "Task_CloseCase", "zhengkai", Map.of("closingNote", "已回访"));
    ProcessInstance urgent = report(now.minus(Duration.ofHours(3)), "实验楼二层", "electrical", "配电箱跳闸", "urgent");
    at(now.minus(Duration.ofMinutes(170)));
    claimAndDispatch(urgent, "fengxue", "hejun");
    report(now.minus(Duration.ofHours(1)), "教学楼201", "multimedia", "投影仪无信号", "normal");
    ClockUtil.reset();

    CockpitPage.login(browser, "gaoming");
    browser.open(CockpitPage.APP + "#/dashboard");
    WebElement tile = browser.until(driver -> {
      List<WebElement> cards = browser.all(By.cssSelector("#kpi-tile-content .kpi-card"));
      return cards.isEmpty() ? null : browser.visible(By.id("kpi-tile-content"));
    }, "KPI tile on the dashboard");
    browser.step("cockpit-dashboard-kpi-tile");
    assertThat(tile.getText()).contains("未结案报修", "响应达标率");
    assertThat(openRepairsOnTile(tile)).isGreaterThanOrEqualTo(2);

    browser.click(By.id("kpi-navigation"));
    browser.until(driver -> Boolean.TRUE.equals(browser.script(
        "const ids = ['kpi-chart-categories', 'kpi-chart-sla', 'kpi-chart-backlog', 'kpi-chart-escalations',"
            + " 'kpi-chart-spend', 'kpi-chart-stock'];"
            + " return !!window.Chart && ids.every(id => { const c = document.getElementById(id);"
            + " return c && c.width > 0 && window.Chart.getChart(c) !== undefined; });")), "six charts drawn");
    browser.resize(1400, 1900);
    browser.pause(Duration.ofMillis(500));
    DocsImages.publish(browser.step("cockpit-logistics-kpi"), "cockpit-kpi.png");

    String page = (String) browser.script("return document.querySelector('.kpi-page').textContent;");
    assertThat(page).contains("后勤指标", "报修类别", "每周时限达标率", "未结案报修（按已等待时长）", "首问负责人绩效", "年度（学期）小结",
        "郑凯", "冯雪", "共受理报修");
    assertThat(browser.script("return window.Chart.getChart(document.getElementById('kpi-chart-categories'))"
        + ".data.labels.join(',')").toString()).contains("水", "电", "多媒体");
    assertThat(Webapp.eolBannerVisible(browser)).isFalse();
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) browser.script(
        "return performance.getEntriesByType('resource').map(entry => entry.name);");
    String origin = (String) browser.script("return location.origin;");
    assertThat(resources).anyMatch(url -> url.startsWith(origin + "/webjars/chart.js/"));
    assertThat(resources).allMatch(url -> url.startsWith(origin), "everything comes from this application");

    downloadsTheStockLedgerFromItsExportLink(browser);
  }

  /**
   * 导出报表 on the KPI page: a link per export and format, with the page's period; clicking the stock
   * ledger's Excel link downloads the workbook, and the link answers 200 with the xlsx content type.
   */
  private static void downloadsTheStockLedgerFromItsExportLink(Browser browser) {
    List<WebElement> links = browser.until(driver -> {
      List<WebElement> found = browser.all(By.cssSelector("#kpi-exports a.kpi-export"));
      return found.size() == 8 ? found : null;
    }, "eight export links (four exports, Excel and CSV)");
    assertThat(browser.visible(By.id("kpi-exports")).getText()).contains("导出报表（供审计）", "库存台账（所选期间）",
        "采购登记簿（所选期间）", "维修登记簿（所选期间）", "固定资产登记簿（截至今日）", "Excel 表格", "CSV 文件");
    assertThat(links).extracting(WebElement::getText).containsOnly("Excel 表格", "CSV 文件");

    String from = LocalDate.now().minusDays(30).toString();
    browser.script("const input = document.getElementById('kpi-from'); input.value = arguments[0];"
        + " input.dispatchEvent(new Event('change'));", from);
    String to = (String) browser.script("return document.getElementById('kpi-to').value;");
    By ledgerExcel = By.cssSelector("#kpi-exports a[data-export='stock-ledger'][data-format='xlsx']");
    String href = browser.visible(ledgerExcel).getAttribute("href");
    assertThat(href).as("the page's period")
        .endsWith("/api/exports/stock-ledger?from=" + from + "&to=" + to + "&format=xlsx");
    assertThat(browser.visible(By.cssSelector("#kpi-exports a[data-export='assets'][data-format='csv']"))
        .getAttribute("href")).endsWith("/api/exports/assets?format=csv");

    Path downloads = Path.of("target", "browser-downloads", UUID.randomUUID().toString()).toAbsolutePath();
    try {
      Files.createDirectories(downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    browser.click(ledgerExcel);
    Path workbook = browser.until(driver -> finishedDownload(downloads), "the stock ledger downloaded");
    assertThat(workbook.getFileName().toString()).startsWith("库存台账_").endsWith(".xlsx");
    try (XSSFWorkbook read = new XSSFWorkbook(Files.newInputStream(workbook))) {
      assertThat(read.getSheetAt(0).getSheetName()).isEqualTo("库存台账");
      assertThat(read.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("记账时间");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) fetchFromPage(browser, href);
    assertThat(answer.get("status")).as(answer.toString()).isEqualTo(200L);
    assertThat((String) answer.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat((Long) answer.get("bytes")).isPositive();
  }

  @Test
  void aManagerWhoMayNotDownloadSeesTheKpiPageWithoutExportLinks(Browser browser) {
    // 总务主任: may read the KPIs, but the audit exports are for finance, the head of logistics and the principal
    CockpitPage.login(browser, "wangfang");
    browser.open(CockpitPage.APP + "#/logistics-kpi");
    browser.until(driver -> browser.all(By.cssSelector("#kpi-content .kpi-card")).isEmpty() ? null : true,
        "the KPI figures shown");
    browser.until(driver -> Boolean.TRUE.equals(browser.script("return performance.getEntriesByType('resource')"
        + ".some(entry => entry.name.endsWith('/api/exports'));")), "the page asked which exports she may download");
    browser.step("cockpit-logistics-kpi-without-exports");
    assertThat(browser.all(By.cssSelector("#kpi-exports a"))).isEmpty();
    assertThat(browser.visibleText()).doesNotContain("导出报表");
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) fetchFromPage(browser,
        "/api/exports/stock-ledger?from=2026-01-01&to=2026-12-31&format=xlsx");
    assertThat(answer.get("status")).as(answer.toString()).isEqualTo(403L);
  }

  /** A GET from the page with its session cookie: status, content type and size of the answer. */
  private static Object fetchFromPage(Browser browser, String url) {
    return ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " fetch(arguments[0], {credentials: 'same-origin'}).then(response => response.arrayBuffer().then(body =>"
        + " done({status: response.status, type: response.headers.get('content-type') || '', bytes: body.byteLength})))"
        + ".catch(error => done({error: String(error)}));", url);
  }

  private static Path finishedDownload(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int openRepairsOnTile(WebElement tile) {
    return tile.findElements(By.cssSelector(".kpi-card")).stream()
        .filter(card -> card.getText().contains("未结案报修"))
        .map(card -> Integer.parseInt(card.findElement(By.cssSelector(".kpi-value")).getText().trim()))
        .findFirst().orElseThrow();
  }

  private ProcessInstance report(Instant at, String location, String category, String description, String urgency) {
    at(at);
    Map<String, Object> variables = new HashMap<>();
    variables.put("location", location);
    variables.put("category", category);
    variables.put("description", description);
    variables.put("urgency", urgency);
    return as(engine.getIdentityService(), "zhangwei", () -> runtime.createProcessInstanceByKey(ProcessKeys.REPAIR)
        .businessKey("BX-KPI-" + UUID.randomUUID().toString().substring(0, 8)).setVariables(variables).execute());
  }

  private void claimAndDispatch(ProcessInstance repair, String firstResponder, String technician) {
    Task dispatch = task(repair, "Task_DispatchRepair");
    as(engine.getIdentityService(), firstResponder, () -> {
      tasks.claim(dispatch.getId(), firstResponder);
      tasks.complete(dispatch.getId(), Map.of("dispatchMode", "technician", "technician", technician));
      return null;
    });
  }

  private void complete(ProcessInstance repair, String activityId, String user, Map<String, Object> variables) {
    Task task = task(repair, activityId);
    as(engine.getIdentityService(), user, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  /** The open task, waiting a little while the job executor runs the asynchronous steps before it. */
  private Task task(ProcessInstance repair, String activityId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Task task = tasks.createTaskQuery().processInstanceId(repair.getId()).taskDefinitionKey(activityId).singleResult();
      if (task != null) {
        return task;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no open " + activityId + " within 30 s");
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

}
