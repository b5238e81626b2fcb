package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.part;
import static edu.campus.logistics.repair.RepairDriver.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import edu.campus.logistics.metrics.KpiReadModel;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI read model (kpi_case, docs/metrics.md): written by the history event handler in the step's own
 * transaction, equal to what the history says, rebuilt by the backfill (idempotent, several at once), a case
 * unknown to it filled in by its next step, a rolled-back step leaving no trace. Cases of 2043, a year no
 * other test uses.
 */
@CampusTest
class KpiReadModelTest extends RepairScenario {

  static final Instant T0 = Instant.parse("2043-04-07T01:00:00Z");
  static final Instant YEAR_START = Instant.parse("2042-12-31T16:00:00Z");
  static final Instant YEAR_END = Instant.parse("2043-12-31T16:00:00Z");
  static final String PLUMBER = "majian";
  static final String COLLEAGUE = "fengxue";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  KpiReadModel readModel;
  @Autowired
  LedgerService ledger;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void theRowFollowsEveryStepAndEqualsTheHistory() {
    String valve = "TST-RM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    ledger.registerItem(new NewItem(valve, "测试角阀", "4分", "个", ItemCategory.PLUMBING.id(), BigDecimal.ZERO));
    // one valve in stock: the work form offers it (the form contract accepts only offered items), and taking two runs short
    ledger.receive(Voucher.manual("TEST-RM-FIRST-" + valve, "wuxiaohong"),
        List.of(StockLine.of(valve, BigDecimal.ONE, new BigDecimal("22"))));

    at(T0);
    ProcessInstance d = driver.reportAs(REPORTER, report("宿舍楼三层", "plumbing", "角阀漏水", "normal"));
    Map<String, Object> row = row(d);
    assertThat(row.get("process_key")).isEqualTo(ProcessKeys.REPAIR);
    assertThat(row.get("category")).isEqualTo("plumbing");
    assertThat(row.get("urgency")).isEqualTo("normal");
    assertThat(instant(row.get("started_at"))).isEqualTo(T0);
    assertThat(instant(row.get("reported_at"))).isEqualTo(T0);
    assertThat(row.get("ended_at")).isNull();
    assertThat(row.get("first_responder")).isNull();

    at(T0.plus(Duration.ofMinutes(5)));
    driver.claimReport(d, COLLEAGUE);
    driver.dispatchToTechnician(d, COLLEAGUE, PLUMBER);
    row = row(d);
    assertThat(row.get("first_responder")).isEqualTo(COLLEAGUE);
    assertThat(row.get("technician")).isEqualTo(PLUMBER);
    assertThat(instant(row.get("responded_at"))).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(instant(row.get("dispatched_at"))).isEqualTo(T0.plus(Duration.ofMinutes(5)));

    // parts run short after 1 h: waiting for parts from then on
    at(T0.plus(Duration.ofHours(1)));
    driver.recordWork(d, PLUMBER, "wear", List.of(part(valve, 2)), 60.0);
    driver.executeJobs(d);
    row = row(d);
    assertThat(instant(row.get("parts_wait_since"))).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(((Number) row.get("parts_wait_millis")).longValue()).isZero();

    // the parts arrive after 5 h: 4 h of waiting, no open wait
    at(T0.plus(Duration.ofHours(5)));
    ledger.receive(Voucher.manual("TEST-RM-" + valve, "wuxiaohong"),
        List.of(StockLine.of(valve, new BigDecimal("5"), new BigDecimal("22"))));
    driver.complete(COLLEAGUE, driver.task(d, "Task_WaitForParts"), Map.of("partsNote", "已到货"));
    row = row(d);
    assertThat(row.get("parts_wait_since")).isNull();
    assertThat(((Number) row.get("parts_wait_millis")).longValue()).isEqualTo(Duration.ofHours(4).toMillis());

    at(T0.plus(Duration.ofHours(6)));
    driver.recordWork(d, PLUMBER, "wear", List.of(part(valve, 2)), 60.0);
    driver.executeJobs(d);
    at(T0.plus(Duration.ofHours(7)));
    driver.confirm(d, REPORTER, true, 4);
    at(T0.plus(Duration.ofHours(8)));
    driver.complete(COLLEAGUE, driver.task(d, "Task_CloseCase"), Map.of("closingNote", "已回访"));
    row = row(d);
    assertThat(instant(row.get("resolved_at"))).isEqualTo(T0.plus(Duration.ofHours(7)));
    assertThat(row.get("fixed")).isEqualTo(true);
    assertThat(((Number) row.get("satisfaction")).longValue()).isEqualTo(4);
    assertThat(row.get("work_done")).isEqualTo(true);
    assertThat(instant(row.get("ended_at"))).isEqualTo(T0.plus(Duration.ofHours(8)));
    assertThat(row.get("end_activity_id")).isNotNull();
    assertThat(row.get("business_key")).isEqualTo(d.getBusinessKey());

    assertThat(readModel.differences(ProcessKeys.REPAIR, YEAR_START, YEAR_END)).isEmpty();
  }

  @Test
  void theBackfillWritesMissingRowsOnceEvenWhenTwoNodesRunItAtOnce() throws Exception {
    List<ProcessInstance> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      at(T0.plus(Duration.ofDays(10 + i)));
      cases.add(driver.reportAs(REPORTER, report("图书馆" + i + "层", "electrical", "插座无电", "normal")));
    }
    at(T0.plus(Duration.ofDays(12)).plus(Duration.ofMinutes(3)));
    driver.claimReport(cases.get(0), FIRST_RESPONDER);
    assertThat(readModel.differences(ProcessKeys.REPAIR, YEAR_START, YEAR_END)).isEmpty();

    // cases older than the read model: no rows
    for (ProcessInstance c : cases) {
      jdbc.update("delete from kpi_case where process_instance_id = ?", c.getId());
    }
    assertThat(readModel.differences(ProcessKeys.REPAIR, YEAR_START, YEAR_END)).hasSize(3);

    // two nodes start at once and backfill the same cases
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> backfill = readModel::backfill;
      List<Future<Integer>> runs = nodes.invokeAll(List.of(backfill, backfill), 60, TimeUnit.SECONDS);
      int found = 0;
      for (Future<Integer> run : runs) {
        found += run.get();
      }
      assertThat(found).isBetween(3, 6);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(readModel.differences(ProcessKeys.REPAIR, YEAR_START, YEAR_END)).isEmpty();
    for (ProcessInstance c : cases) {
      assertThat(jdbc.queryForObject("select count(*) from kpi_case where process_instance_id = ?", Long.class,
          c.getId())).isEqualTo(1);
    }
    assertThat(row(cases.get(0)).get("first_responder")).isEqualTo(FIRST_RESPONDER);
    assertThat(readModel.backfill()).as("nothing left to do").isZero();
  }

  @Test
  void aCaseTheReadModelDoesNotKnowIsFilledInByItsNextStep() {
    at(T0.plus(Duration.ofDays(20)));
    ProcessInstance c = driver.reportAs(REPORTER, report("体育馆", "carpentry", "看台座椅松动", "normal"));
    jdbc.update("delete from kpi_case where process_instance_id = ?", c.getId());

    at(T0.plus(Duration.ofDays(20)).plus(Duration.ofMinutes(40)));
    driver.claimReport(c, FIRST_RESPONDER);
    Map<String, Object> row = row(c);
    assertThat(row.get("category")).as("from the history").isEqualTo("carpentry");
    assertThat(row.get("first_responder")).as("from the step").isEqualTo(FIRST_RESPONDER);
    assertThat(instant(row.get("responded_at"))).isEqualTo(T0.plus(Duration.ofDays(20)).plus(Duration.ofMinutes(40)));
    assertThat(readModel.differences(ProcessKeys.REPAIR, YEAR_START, YEAR_END)).isEmpty();
  }

  @Test
  void aRolledBackStepLeavesTheRowAsItWas() {
    at(T0.plus(Duration.ofDays(30)));
    ProcessInstance c = driver.reportAs(REPORTER, report("食堂", "plumbing", "洗手池堵塞", "normal"));
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      engine.getRuntimeService().setVariable(c.getId(), "category", "electrical");
      engine.getRuntimeService().setVariable(c.getId(), "firstResponder", FIRST_RESPONDER);
      assertThat(row(c).get("category")).as("inside the transaction").isEqualTo("electrical");
      throw new IllegalStateException("the step fails after writing");
    })).hasMessageContaining("the step fails");
    Map<String, Object> row = row(c);
    assertThat(row.get("category")).isEqualTo("plumbing");
    assertThat(row.get("first_responder")).isNull();

    // the same step again (a retry) writes it once
    engine.getRuntimeService().setVariable(c.getId(), "category", "electrical");
    engine.getRuntimeService().setVariable(c.getId(), "category", "electrical");
    assertThat(row(c).get("category")).isEqualTo("electrical");
    assertThat(readModel.differences(ProcessKeys.REPAIR, YEAR_START, YEAR_END)).isEmpty();
  }

  private Map<String, Object> row(ProcessInstance instance) {
    return jdbc.queryForMap("select * from kpi_case where process_instance_id = ?", instance.getId());
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
