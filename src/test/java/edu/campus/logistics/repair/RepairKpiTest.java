package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.faucetLeak;
import static edu.campus.logistics.repair.RepairDriver.part;
import static edu.campus.logistics.repair.RepairDriver.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The repair KPIs (docs/metrics.md) over real cases with controlled clock times: every figure of
 * /api/metrics/repairs, /staff and /summary has an exact expected value. The cases are reported in
 * March 2041 (Asia/Shanghai), a month no other test uses; one more case just before the period is a
 * case across the range edge and the earlier report of a repeat fault.
 */
class RepairKpiTest extends RepairScenario {

  /** 2041-03-05 09:00 in Shanghai. */
  static final Instant T0 = Instant.parse("2041-03-05T01:00:00Z");
  static final String PERIOD = "?from=2041-03-01&to=2041-03-31";
  static final String ELECTRICIAN = "hejun";
  static final String PLUMBER = "majian";
  static final String COLLEAGUE = "fengxue";

  @Autowired
  LedgerService ledger;
  @LocalServerPort
  int port;
  TestHttp http;
  String faucet;
  String valve;

  @BeforeEach
  void items() {
    http = new TestHttp(port);
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    faucet = "TST-FCT-" + suffix;
    valve = "TST-VLV-" + suffix;
    ledger.registerItem(new NewItem(faucet, "测试水嘴", "4分", "个", ItemCategory.PLUMBING.id(), BigDecimal.ZERO));
    ledger.registerItem(new NewItem(valve, "测试角阀", "4分", "个", ItemCategory.PLUMBING.id(), BigDecimal.ZERO));
    ledger.receive(Voucher.manual("TEST-KPI-" + faucet, "wuxiaohong"),
        List.of(StockLine.of(faucet, new BigDecimal("3"), new BigDecimal("30"))));
    // one valve in stock: the work form offers it, and taking two runs short
    ledger.receive(Voucher.manual("TEST-KPI-FIRST-" + valve, "wuxiaohong"),
        List.of(StockLine.of(valve, BigDecimal.ONE, new BigDecimal("22"))));
  }

  @Test
  void repairStaffAndSummaryFiguresOfAMonth() {
    // E: the evening before the period (23:00 in Shanghai): outside the period, earlier report of a repeat fault
    at(Instant.parse("2041-02-28T15:00:00Z"));
    driver.reportAs(REPORTER, faucetLeak());

    // A: the same tap again; first response after 10 min, fixed with a new tap after 3 h, rated 5
    ProcessInstance a = reportAt(Duration.ZERO, faucetLeak());
    step(a, Duration.ofMinutes(10), () -> driver.claimReport(a, FIRST_RESPONDER));
    step(a, Duration.ofMinutes(20), () -> driver.dispatchToTechnician(a, FIRST_RESPONDER, ELECTRICIAN));
    step(a, Duration.ofHours(2), () -> driver.recordWork(a, ELECTRICIAN, "wear", List.of(part(faucet, 1)), 30.0));
    step(a, Duration.ofHours(3), () -> driver.confirm(a, REPORTER, true, 5));
    step(a, Duration.ofMinutes(185), () -> close(a, FIRST_RESPONDER));

    // B: urgent, taken and dispatched exactly at the 30-minute deadline (in time); reopened once, fixed after 3.5 h
    ProcessInstance b = reportAt(Duration.ofDays(1), report("实验楼二层", "electrical", "配电箱跳闸", "urgent"));
    step(b, Duration.ofMinutes(30), () -> {
      driver.claimReport(b, COLLEAGUE);
      driver.dispatchToTechnician(b, COLLEAGUE, ELECTRICIAN);
    });
    step(b, Duration.ofHours(1), () -> driver.recordWork(b, ELECTRICIAN, "wear", List.of(), 0));
    step(b, Duration.ofHours(2), () -> driver.confirm(b, REPORTER, false, 2));
    step(b, Duration.ofMinutes(130), () -> driver.dispatchToTechnician(b, COLLEAGUE, ELECTRICIAN));
    step(b, Duration.ofHours(3), () -> driver.recordWork(b, ELECTRICIAN, "wear", List.of(), 0));
    step(b, Duration.ofMinutes(210), () -> driver.confirm(b, REPORTER, true, 3));
    step(b, Duration.ofMinutes(215), () -> close(b, COLLEAGUE));

    // C: urgent, nobody takes it: supervision level 1 at 31 min, level 2 at 62 min; taken at 70, still open
    ProcessInstance c = reportAt(Duration.ofDays(2), report("行政楼一层", "electrical", "走廊灯不亮", "urgent"));
    step(c, Duration.ofMinutes(31), () -> fire(c, "Timer_ResponseOverdue"));
    step(c, Duration.ofMinutes(62), () -> fire(c, "Timer_ResponseOverdue"));
    step(c, Duration.ofMinutes(70), () -> driver.claimReport(c, FIRST_RESPONDER));
    step(c, Duration.ofMinutes(75), () -> driver.dispatchToTechnician(c, FIRST_RESPONDER, ELECTRICIAN));

    // D: parts run short after 1 h, arrive after 5 h (4 h waiting for parts); fixed after 7 h, rated 4
    ProcessInstance d = reportAt(Duration.ofDays(3), report("宿舍楼二层", "plumbing", "角阀漏水", "normal"));
    step(d, Duration.ofMinutes(5), () -> {
      driver.claimReport(d, COLLEAGUE);
      driver.dispatchToTechnician(d, COLLEAGUE, PLUMBER);
    });
    step(d, Duration.ofHours(1), () -> driver.recordWork(d, PLUMBER, "wear", List.of(part(valve, 2)), 60.0));
    assertThat(driver.task(d, "Task_WaitForParts").getAssignee()).isEqualTo(COLLEAGUE);
    step(d, Duration.ofHours(5), () -> {
      ledger.receive(Voucher.manual("TEST-KPI-" + valve, "wuxiaohong"),
          List.of(StockLine.of(valve, new BigDecimal("5"), new BigDecimal("22"))));
      driver.complete(COLLEAGUE, driver.task(d, "Task_WaitForParts"), Map.of("partsNote", "已到货"));
    });
    step(d, Duration.ofHours(6), () -> driver.recordWork(d, PLUMBER, "wear", List.of(part(valve, 2)), 60.0));
    step(d, Duration.ofHours(7), () -> driver.confirm(d, REPORTER, true, 4));
    step(d, Duration.ofMinutes(425), () -> close(d, COLLEAGUE));

    at(Instant.parse("2041-03-10T00:00:00Z"));
    JsonNode repairs = ok("/api/metrics/repairs" + PERIOD);
    assertThat(repairs.path("reported").asInt()).isEqualTo(4);
    assertThat(repairs.path("resolved").asInt()).isEqualTo(3);
    assertThat(repairs.path("open").asInt()).isEqualTo(1);
    assertThat(repairs.path("byCategory").toString()).isEqualTo("{\"electrical\":2,\"plumbing\":2}");
    assertThat(repairs.path("byUrgency").toString()).isEqualTo("{\"normal\":2,\"urgent\":2}");
    assertDurations(repairs.path("firstResponse"), 4, 28.8, 20.0, 70.0);
    assertDurations(repairs.path("resolution"), 3, 270.0, 210.0, 420.0);
    assertDurations(repairs.path("resolutionWithoutPartsWait"), 3, 190.0, 180.0, 210.0);
    assertThat(repairs.path("responseSla").toString()).isEqualTo("{\"inTime\":3,\"breached\":1,\"compliancePercent\":75.0}");
    assertThat(repairs.path("resolutionSla").toString()).isEqualTo("{\"inTime\":3,\"breached\":1,\"compliancePercent\":75.0}");
    assertThat(repairs.path("escalationsByLevel").toString()).isEqualTo("{\"1\":1,\"2\":1}");
    assertThat(repairs.path("escalationsByStage").toString()).isEqualTo("{\"response\":2}");
    assertThat(repairs.path("answeredCases").asInt()).isEqualTo(3);
    assertThat(repairs.path("reopenedCases").asInt()).isEqualTo(1);
    assertThat(repairs.path("reopenRatePercent").asDouble()).isEqualTo(33.3);
    assertThat(repairs.path("meanSatisfaction").asDouble()).isEqualTo(4.0);
    assertThat(repairs.path("satisfaction").toString()).isEqualTo("{\"1\":0,\"2\":0,\"3\":1,\"4\":1,\"5\":1}");
    assertThat(repairs.path("backlogByAge").toString())
        .isEqualTo("{\"lessThan1Day\":0,\"from1To3Days\":1,\"from3To7Days\":0,\"moreThan7Days\":0}");
    assertThat(repairs.path("repeatFaults")).singleElement().satisfies(repeat -> {
      assertThat(repeat.path("businessKey").asText()).isEqualTo(a.getBusinessKey());
      assertThat(repeat.path("reason").asText()).isEqualTo("location");
    });
    assertThat(repairs.path("slaByWeek").get(1).toString()).isEqualTo(
        "{\"weekStart\":\"2041-03-04\",\"reported\":4,\"responseCompliancePercent\":75.0,\"resolutionCompliancePercent\":75.0}");

    JsonNode staff = ok("/api/metrics/staff" + PERIOD);
    assertThat(staff.path("firstResponders").toString()).isEqualTo("["
        + "{\"userId\":\"fengxue\",\"name\":\"冯雪\",\"ownedCases\":2,\"resolvedCases\":2,\"meanFirstResponseMinutes\":17.5,"
        + "\"meanResolutionMinutes\":315.0,\"responseCompliancePercent\":100.0,\"resolutionCompliancePercent\":100.0,"
        + "\"meanSatisfaction\":3.5,\"escalations\":0,\"reopenedCases\":1},"
        + "{\"userId\":\"zhengkai\",\"name\":\"郑凯\",\"ownedCases\":2,\"resolvedCases\":1,\"meanFirstResponseMinutes\":40.0,"
        + "\"meanResolutionMinutes\":180.0,\"responseCompliancePercent\":50.0,\"resolutionCompliancePercent\":50.0,"
        + "\"meanSatisfaction\":5.0,\"escalations\":2,\"reopenedCases\":0}]");
    assertThat(staff.path("technicians").toString()).isEqualTo("["
        + "{\"userId\":\"hejun\",\"name\":\"何军\",\"jobsDone\":2,\"partsQuantity\":1.0,\"partsValueCny\":30.0},"
        + "{\"userId\":\"majian\",\"name\":\"马建\",\"jobsDone\":1,\"partsQuantity\":2.0,\"partsValueCny\":44.0}]");

    JsonNode summary = ok("/api/metrics/summary" + PERIOD);
    assertThat(summary.path("repairsReported").asInt()).isEqualTo(4);
    assertThat(summary.path("repairsByCategory").toString()).isEqualTo("{\"electrical\":2,\"plumbing\":2}");
    assertThat(summary.path("partsReplaced").toString()).isEqualTo("["
        + "{\"itemCode\":\"" + faucet + "\",\"name\":\"测试水嘴\",\"unit\":\"个\",\"times\":1,\"quantity\":1.0,\"valueCny\":30.0},"
        + "{\"itemCode\":\"" + valve + "\",\"name\":\"测试角阀\",\"unit\":\"个\",\"times\":1,\"quantity\":2.0,\"valueCny\":44.0}]");
    assertThat(summary.path("responseCompliancePercent").asDouble()).isEqualTo(75.0);
    assertThat(summary.path("meanSatisfaction").asDouble()).isEqualTo(4.0);

    // the day before the period ends at midnight in Shanghai: only the edge case E, still open
    JsonNode february = ok("/api/metrics/repairs?from=2041-02-28&to=2041-02-28");
    assertThat(february.path("reported").asInt()).isEqualTo(1);
    assertThat(february.path("backlogByAge").path("lessThan1Day").asInt()).isEqualTo(1);
  }

  @Test
  void managersReadTheFiguresStaffAndAnonymousCallersDoNotAndBadPeriodsAreRefused() {
    for (String manager : List.of("gaoming", "wangfang", "lijianguo", "linna", "admin")) {
      assertThat(http.get("/api/metrics/summary" + PERIOD, manager).status()).as(manager).isEqualTo(200);
    }
    for (String other : List.of("zhangwei", "zhengkai", "hejun", "wuxiaohong")) {
      TestHttp.Answer refused = http.get("/api/metrics/repairs" + PERIOD, other);
      assertThat(refused.status()).as(other).isEqualTo(403);
    }
    assertThat(http.send("GET", "/api/metrics/repairs" + PERIOD, null, null, null, null).status()).isEqualTo(401);
    assertThat(http.get("/api/metrics/staff?from=2041-03-31&to=2041-03-01", "gaoming")).satisfies(answer -> {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).contains("开始日期不能晚于结束日期");
    });
    assertThat(http.get("/api/metrics/procurement?from=2030-01-01&to=2035-01-02", "gaoming").status()).isEqualTo(400);
    assertThat(http.get("/api/metrics/stock?from=2041-3-1", "gaoming")).satisfies(answer -> {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).contains("YYYY-MM-DD");
    });
    assertThat(http.get("/api/metrics/summary?from=2030-01-01&to=2035-01-01", "gaoming").status()).isEqualTo(200);
  }

  @Test
  void prometheusShowsOpenRepairsAndBreachesAfterAReport() {
    at(Instant.parse("2041-06-02T01:00:00Z"));
    double open = scrape("campus_repairs_open{category=\"multimedia\",urgency=\"urgent\"}");
    double breached = scrape("campus_repairs_sla_breached_open{stage=\"response\"}");
    ProcessInstance projector = driver.reportAs(REPORTER, report("教学楼201", "multimedia", "投影仪无信号", "urgent"));

    assertThat(scrape("campus_repairs_open{category=\"multimedia\",urgency=\"urgent\"}")).isEqualTo(open + 1);
    assertThat(scrape("campus_repairs_sla_breached_open{stage=\"response\"}")).isEqualTo(breached);
    at(Instant.parse("2041-06-02T01:31:00Z"));
    double escalated = scrape("campus_repairs_escalations{level=\"1\"}");
    fire(projector, "Timer_ResponseOverdue");
    assertThat(scrape("campus_repairs_sla_breached_open{stage=\"response\"}")).isEqualTo(breached + 1);
    assertThat(scrape("campus_repairs_escalations{level=\"1\"}")).isEqualTo(escalated + 1);
    assertThat(scrape("campus_tasks_open{group=\"logistics-head\"}")).isGreaterThanOrEqualTo(1);
    assertThat(scrape("campus_ledger_postings{type=\"RECEIPT\"}")).isGreaterThanOrEqualTo(1);
    assertThat(scrape("campus_stock_value_cny")).isGreaterThan(0);
    String text = http.get("/actuator/prometheus", "gaoming").body();
    assertThat(text).contains("campus_stock_items_below_reorder", "campus_incidents_open");

    assertThat(http.get("/actuator/prometheus", "zhangwei").status()).isEqualTo(403);
    assertThat(http.send("GET", "/actuator/prometheus", null, null, null, null).status()).isEqualTo(401);
    assertThat(http.send("GET", "/actuator/health", null, null, null, null).status()).isEqualTo(200);
  }

  /** One sample of /actuator/prometheus (the test profile caches the figures for no time). */
  private double scrape(String sample) {
    TestHttp.Answer answer = http.get("/actuator/prometheus", "gaoming");
    assertThat(answer.status()).isEqualTo(200);
    Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(answer.body());
    assertThat(matcher.find()).as(sample + " in\n" + answer.body()).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private ProcessInstance reportAt(Duration sinceT0, Map<String, Object> report) {
    at(T0.plus(sinceT0));
    return driver.reportAs(REPORTER, report);
  }

  /** Moves the clock to the case's report time + {@code sinceReport}, then acts and runs the due async jobs. */
  private void step(ProcessInstance instance, Duration sinceReport, Runnable action) {
    Date reported = (Date) driver.engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getStartTime();
    at(reported.toInstant().plus(sinceReport));
    action.run();
    driver.executeJobs(instance);
  }

  private void close(ProcessInstance instance, String firstResponder) {
    driver.complete(firstResponder, driver.task(instance, "Task_CloseCase"), Map.of("closingNote", "已回访"));
  }

  private void fire(ProcessInstance instance, String timerId) {
    Job job = driver.timer(instance, timerId);
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    driver.management.executeJob(job.getId());
  }

  private JsonNode ok(String path) {
    TestHttp.Answer answer = http.get(path, "gaoming");
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static void assertDurations(JsonNode durations, int count, double mean, double median, double p90) {
    assertThat(durations.path("count").asInt()).isEqualTo(count);
    assertThat(durations.path("meanMinutes").asDouble()).isEqualTo(mean);
    assertThat(durations.path("medianMinutes").asDouble()).isEqualTo(median);
    assertThat(durations.path("p90Minutes").asDouble()).isEqualTo(p90);
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
