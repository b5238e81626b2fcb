package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static edu.campus.logistics.procurement.ProcurementActivities.STOCK_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.notifications.NotificationEvent;
import edu.campus.logistics.notifications.Outbox;
import edu.campus.logistics.notifications.Outbox.Message;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stocking whose ledger stays unavailable (another posting holds the item's balance row past the
 * lock timeout): it retries on the modelled cycle (R3/PT5M), then becomes an incident Cockpit shows in
 * Chinese; once the cause is gone, Cockpit's "retry" (REST: set the job's retries) stocks the goods,
 * posting exactly once. The incident is news for the storekeeper and the head of logistics (库存出错,
 * written with the incident): one message each, linking to the case in Cockpit.
 */
class StockingIncidentTest extends ProcurementTestSupport {

  private static final String TONER = "OFF-TONER";

  @Autowired
  private DataSource dataSource;
  @LocalServerPort
  private int port;
  @Autowired
  private Outbox outbox;

  @Test
  void stockingThatKeepsFailingBecomesAChineseIncidentAndARetryAfterTheFixPostsOnce() throws Exception {
    ProcessInstance request = start("zhangwei", List.of(line("硒鼓", "HP 88A", "office", "个", "2", "180")));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "180");
    inspect(request, "sunli", "accepted", null);
    store(request, "总务仓库");
    BigDecimal before = ledger.findItem(TONER).orElseThrow().quantity();
    int entriesBefore = ledger.entries(TONER).size();

    Date now = new Date();
    ClockUtil.setCurrentTime(now);
    try (Connection otherPosting = dataSource.getConnection()) {
      otherPosting.setAutoCommit(false);
      try (PreparedStatement lock = otherPosting.prepareStatement(
          "select quantity from ledger_balance where item_code = ? for update")) {
        lock.setString(1, TONER);
        lock.executeQuery().close();
      }
      for (int attempt = 1; attempt <= 3; attempt++) {
        Job job = stockingJob(request);
        assertThat(job.getRetries()).as("retries left before attempt " + attempt).isEqualTo(4 - attempt);
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("库存台账暂时无法过账");
        Job failed = stockingJob(request);
        if (attempt < 3) {
          assertThat(failed.getDuedate()).as("next attempt in 5 minutes")
              .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60 * 1000));
          ClockUtil.setCurrentTime(failed.getDuedate());
        }
      }
      otherPosting.rollback();
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(request.getId()).singleResult();
    assertThat(incident).as("an incident after the third failure").isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(STOCK_GOODS);
    assertThat(incident.getIncidentMessage()).startsWith("库存台账暂时无法过账：物品 " + TONER + " 正被另一笔过账占用");
    assertThat(stockingJob(request).getRetries()).isZero();
    List<Message> incidentNews = incidentNews(request);
    assertThat(incidentNews).as("one message each to the warehouse and the head of logistics, not to the requester")
        .extracting(Message::recipient).containsExactlyInAnyOrder("wuxiaohong", "gaoming");
    assertThat(incidentNews).allSatisfy(message -> {
      assertThat(message.subject()).isEqualTo("【库存出错】库存操作出错：" + request.getBusinessKey() + " 登记入库台账与资产卡片");
      assertThat(message.body()).startsWith("库存操作出错，需要处理：" + request.getBusinessKey() + " 登记入库台账与资产卡片");
      assertThat(message.link()).endsWith("/camunda/app/cockpit/default/#/process-instance/" + request.getId() + "/runtime");
    });
    assertThat(ledger.findItem(TONER).orElseThrow().quantity()).isEqualByComparingTo(before);
    assertThat(ledger.entries(TONER)).hasSize(entriesBefore);

    // Cockpit's "retry" on the incident: the job gets a retry (and the job executor runs it; here the test does)
    Job job = stockingJob(request);
    TestHttp.Answer retry = new TestHttp(port).send("PUT", "/engine-rest/job/" + job.getId() + "/retries", "admin", "admin",
        "application/json", TestHttp.json(Map.of("retries", 1)));
    assertThat(retry.status()).as(retry.body()).isEqualTo(204);
    managementService.executeJob(job.getId());

    assertThat(request).isWaitingAt(READ_STOCK_NOTICE);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat(ledger.findItem(TONER).orElseThrow().quantity()).isEqualByComparingTo(before.add(new BigDecimal("2")));
    assertThat(ledger.entries(TONER)).hasSize(entriesBefore + 1);
    assertThat(ledger.entriesOfVoucher((String) variable(request, "stockVoucher"))).singleElement()
        .satisfies(entry -> assertThat(entry.processInstanceId()).isEqualTo(request.getId()));
    assertThat(incidentNews(request)).as("the retry that succeeds sends nothing more").hasSize(2);
  }

  private List<Message> incidentNews(ProcessInstance request) {
    return outbox.ofCase(request.getId()).stream().filter(m -> m.event() == NotificationEvent.STOCK_INCIDENT).toList();
  }
}
