package edu.campus.logistics.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.notifications.Outbox.Message;
import edu.campus.logistics.notifications.Outbox.Status;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What happens to a message that failed for good: an incident in Cockpit on its case while the case
 * runs, the failure report always; the head of logistics sends it again, which resolves the incident;
 * and the cleanup of old delivered messages, which keeps the failed ones.
 */
class FailedNotificationsTest extends NotificationScenario {

  @Autowired
  OutboxCleanup cleanup;

  private Duration retention;

  @AfterEach
  void resetRetention() {
    if (retention != null) {
      settings.setRetention(retention);
    }
  }

  @Test
  void aMessageFailedForGoodIsAnIncidentOnItsCaseAndOnlyTheHeadOfLogisticsSendsItAgainWhichResolvesIt() throws Exception {
    robotStatus = 500;
    settings.getDelivery().setMaxAttempts(1);
    preferences.set(Preferences.Kind.GROUP, "logistics-staff", new Preferences.Preference(true, webhook()), "admin");
    ProcessInstance repair = reportRepair("liuyang");
    Task dispatch = driver.task(repair, "Task_DispatchRepair");
    Message robotMessage = robotMessage(repair);

    drain();

    assertThat(outbox.get(robotMessage.id()).status()).isEqualTo(Status.FAILED);
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(repair.getId())
        .incidentType(NotificationIncidents.TYPE).singleResult();
    assertThat(incident).as("Cockpit shows the failure on the case").isNotNull();
    assertThat(incident.getIncidentMessage()).isEqualTo("通知发送失败：机器人 机器人返回 HTTP 500");
    assertThat(incident.getConfiguration()).isEqualTo("notification:" + robotMessage.id());
    assertThat(incident.getExecutionId()).as("on the task's execution").isEqualTo(dispatch.getExecutionId());
    assertThat(incident.getActivityId()).isEqualTo("Task_DispatchRepair");
    Answer report = http.get("/api/notifications/failed", "gaoming");
    assertThat(report.body()).contains("\"incidentId\":\"" + incident.getId() + "\"");

    // the doors of those who may not: a reporter, a member of the group the message was for
    for (String intruder : List.of("liuyang", "zhengkai")) {
      Answer refused = http.send("POST", "/api/notifications/failed/" + robotMessage.id() + "/retry", intruder, intruder,
          "application/json", "{}");
      assertThat(refused.status()).as(intruder).isEqualTo(403);
    }
    assertThat(outbox.get(robotMessage.id()).status()).isEqualTo(Status.FAILED);
    assertThat(engine.getRuntimeService().createIncidentQuery().incidentId(incident.getId()).count()).isEqualTo(1);

    robotStatus = 200;
    Answer retried = http.send("POST", "/api/notifications/failed/" + robotMessage.id() + "/retry", "gaoming", "gaoming",
        "application/json", "{}");

    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.message()).isEqualTo("已重新加入发送队列，稍后发送");
    Message again = outbox.get(robotMessage.id());
    assertThat(again.status()).isEqualTo(Status.PENDING);
    assertThat(again.attempts()).isZero();
    assertThat(again.incidentId()).isNull();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(repair.getId()).count())
        .as("the incident is resolved").isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().incidentId(incident.getId()).singleResult()
        .isResolved()).isTrue();
    drain();
    assertThat(outbox.get(robotMessage.id()).status()).isEqualTo(Status.SENT);
    assertThat(robotCalls).hasSize(2);

    Answer twice = http.send("POST", "/api/notifications/failed/" + robotMessage.id() + "/retry", "gaoming", "gaoming",
        "application/json", "{}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.message()).isEqualTo("这条通知不是发送失败的通知（现在：已发送），无需重发");
    Answer unknown = http.send("POST", "/api/notifications/failed/999999999/retry", "gaoming", "gaoming",
        "application/json", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.message()).isEqualTo("没有这条通知：999999999");
  }

  @Test
  void aMessageOfACaseThatHasEndedFailsIntoTheReportOnly() {
    robotStatus = 500;
    settings.getDelivery().setMaxAttempts(1);
    preferences.set(Preferences.Kind.GROUP, "logistics-staff", new Preferences.Preference(true, webhook()), "admin");
    ProcessInstance repair = reportRepair("liuyang");
    Message robotMessage = robotMessage(repair);
    engine.getRuntimeService().deleteProcessInstance(repair.getId(), "测试：报修撤回");

    drain();

    Message failed = outbox.get(robotMessage.id());
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.incidentId()).isNull();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(repair.getId())
        .incidentType(NotificationIncidents.TYPE).count()).isZero();
    assertThat(http.get("/api/notifications/failed", "gaoming").json().findValues("id"))
        .extracting(node -> node.asLong()).contains(failed.id());
    assertThat(http.send("POST", "/api/notifications/failed/" + failed.id() + "/retry", "admin", "admin",
        "application/json", "{}").status()).as("an administrator may too").isEqualTo(200);
    assertThat(outbox.get(failed.id()).status()).isEqualTo(Status.PENDING);
  }

  @Test
  void theCleanupRemovesDeliveredMessagesOlderThanTheRetentionAndKeepsFailedAndWaitingOnes() {
    Instant now = Instant.parse("2026-06-01T08:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    long oldSent = row(Status.SENT, now.minus(Duration.ofDays(91)));
    long oldLogged = row(Status.LOGGED, now.minus(Duration.ofDays(120)));
    long oldFailed = row(Status.FAILED, now.minus(Duration.ofDays(200)));
    long oldPending = row(Status.PENDING, null);
    long recentSent = row(Status.SENT, now.minus(Duration.ofDays(10)));

    assertThat(cleanup.removeOld()).isGreaterThanOrEqualTo(2);

    assertThat(exists(oldSent)).isFalse();
    assertThat(exists(oldLogged)).isFalse();
    assertThat(exists(oldFailed)).as("failed messages are kept for the report").isTrue();
    assertThat(exists(oldPending)).isTrue();
    assertThat(exists(recentSent)).as("within 90 days").isTrue();
    assertThat(cleanup.removeOld()).as("a second run, or another node's, finds nothing more").isZero();

    retention = settings.getRetention();
    settings.setRetention(Duration.ofDays(7));
    cleanup.removeOld();
    assertThat(exists(recentSent)).as("campus.notifications.retention P7D").isFalse();
    assertThat(exists(oldFailed)).isTrue();
    assertThatThrownBy(() -> settings.setRetention(Duration.ZERO)).hasMessageContaining("must be a positive duration");
  }

  private long row(Status status, Instant finishedAt) {
    String subject = UUID.randomUUID().toString();
    Notice notice = new Notice(NotificationEvent.TASK_ARRIVED, subject, "【待办】清理测试", "清理测试", null, null, null);
    outbox.add(notice, new Recipient("zhangwei", "zhangwei@school.example", null), MailChannel.ID,
        "zhangwei@school.example", finishedAt == null ? ClockUtil.getCurrentTime().toInstant() : finishedAt);
    long id = jdbc.queryForObject("select id from notification_outbox where idempotency_key like ?", Long.class,
        "%" + subject + "%");
    jdbc.update("update notification_outbox set status = ?, finished_at = ?, next_attempt_at = ? where id = ?",
        status.name(), finishedAt == null ? null : Timestamp.from(finishedAt),
        Timestamp.from(Instant.parse("2999-01-01T00:00:00Z")), id);
    return id;
  }

  private boolean exists(long id) {
    return jdbc.queryForObject("select count(*) from notification_outbox where id = ?", Integer.class, id) == 1;
  }

  private String webhook() {
    return "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot/send?access_token=secret";
  }
}
