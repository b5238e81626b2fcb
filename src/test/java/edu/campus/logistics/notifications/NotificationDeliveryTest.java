package edu.campus.logistics.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.notifications.Outbox.Message;
import edu.campus.logistics.notifications.Outbox.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its deliverer: written in the step's transaction (a rolled-back step leaves
 * nothing), a failing robot retried with backoff and then reported FAILED, two deliverers at once
 * sending each message once, an unconfigured channel logged instead of sent.
 */
class NotificationDeliveryTest extends NotificationScenario {

  @Test
  void aRefusedCompletionWritesNothingToTheOutbox() {
    ProcessInstance request = startProcurement("zhangwei", "2", "50");
    Task approval = driver.task(request, "Task_ApproveRequest");
    driver.claim("wangfang", approval);
    List<Message> before = outbox.ofCase(request.getId());

    Answer refused = http.postJson("/engine-rest/task/" + approval.getId() + "/complete", "wangfang",
        TestHttp.json(Map.of("variables", Map.of("decision", Map.of("value", "reject"), "comment", Map.of("value", "")))));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(outbox.ofCase(request.getId())).isEqualTo(before);
  }

  @Test
  void aStepRolledBackAfterItWroteItsMessagesLeavesNone() {
    String businessKey = "NT-" + UUID.randomUUID();
    List<String> started = new ArrayList<>();
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        ProcessInstance instance = driver.as("zhangwei", () -> engine.getRuntimeService()
            .createProcessInstanceByKey(ProcessKeys.REPAIR).businessKey(businessKey).setVariables(repairReport()).execute());
        started.add(instance.getId());
        assertThat(outbox.ofCase(instance.getId())).as("written in the step's transaction").isNotEmpty();
        throw new IllegalStateException("the step fails after the task was created");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(started).hasSize(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.get(0)).count()).isZero();
    assertThat(outbox.ofCase(started.get(0))).isEmpty();
  }

  @Test
  void aFailingRobotIsRetriedWithBackoffThenReportedFailed() throws Exception {
    robotStatus = 500;
    settings.getDelivery().setMaxAttempts(3);
    String webhook = "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot/send?access_token=secret";
    Answer set = http.send("PUT", "/api/notifications/groups/logistics-staff", "admin", "admin", "application/json",
        TestHttp.json(Map.of("emailEnabled", true, "webhookUrl", webhook)));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance repair = reportRepair("liuyang");
    Message robotMessage = robotMessage(repair);

    drain();
    assertThat(robotCalls).hasSize(1);
    assertThat(outbox.get(robotMessage.id()).status()).isEqualTo(Status.PENDING);
    assertThat(outbox.get(robotMessage.id()).nextAttemptAt()).isEqualTo(start.toInstant().plus(Duration.ofMinutes(1)));
    drain();
    assertThat(robotCalls).as("not before the backoff").hasSize(1);

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(1))));
    drain();
    assertThat(robotCalls).hasSize(2);
    assertThat(outbox.get(robotMessage.id()).nextAttemptAt()).as("the wait doubles")
        .isEqualTo(start.toInstant().plus(Duration.ofMinutes(3)));
    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(3))));
    drain();

    assertThat(robotCalls).hasSize(3);
    Message failed = outbox.get(robotMessage.id());
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.lastError()).isEqualTo("机器人返回 HTTP 500");
    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofHours(2))));
    drain();
    assertThat(robotCalls).as("never tried again").hasSize(3);
    assertThat(robotCalls.get(0)).startsWith("{\"msgtype\":\"text\",\"text\":{\"content\":\"【待办】「受理派工」")
        .contains("后勤人员有一项新的待办");

    Answer report = http.get("/api/notifications/failed", "gaoming");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().findValues("id")).extracting(node -> node.asLong()).contains(failed.id());
    assertThat(report.body()).contains("机器人返回 HTTP 500").doesNotContain("access_token");
    assertThat(http.get("/api/notifications/failed", "zhangwei").status()).isEqualTo(403);
  }

  @Test
  void twoDeliverersAtOnceSendEachMessageOnce() throws Exception {
    List<ProcessInstance> repairs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      repairs.add(reportRepair("liuyang"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          go.await();
          return deliverer.deliverDue();
        }));
      }
      go.countDown();
      int claimed = 0;
      for (Future<Integer> run : runs) {
        claimed += run.get(60, TimeUnit.SECONDS);
      }
      assertThat(claimed).as("each message claimed by one of them").isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
    drain();
    assertThat(deliverer.deliverDue()).as("a further run finds nothing to send").isZero();

    for (ProcessInstance repair : repairs) {
      String taskId = driver.task(repair, "Task_DispatchRepair").getId();
      assertThat(mailsTo("zhengkai@school.example", taskId)).hasSize(1);
      assertThat(mailsTo("fengxue@school.example", taskId)).hasSize(1);
    }
  }

  @Test
  void withoutSmtpTheMessageIsLoggedNotSent() throws Exception {
    settings.getMail().setHost("");
    ProcessInstance request = startProcurement("zhangwei", "2", "50");

    drain();

    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(outbox.ofCase(request.getId())).filteredOn(m -> m.recipient().equals("wangfang"))
        .extracting(Message::status).containsExactly(Status.LOGGED);
  }
}
