package edu.campus.logistics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.identity.ProcessKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feedback paths (意见反馈): take → reply → rate, anonymity by REST as each user, escalation, check task, reopen once, refusals. */
class FeedbackTest extends FeedbackScenario {

  static final Instant T0 = Instant.parse("2031-05-06T02:00:00Z"); // a Tuesday, 10:00 at school

  @BeforeEach
  void start() {
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @Test
  void aComplaintIsTakenAnsweredInWritingAndRatedByTheReporter() {
    ProcessInstance feedback = file(REPORTER, "complaint", "canteen", "午餐的菜经常是凉的，希望改进保温", false);

    assertThat(feedback.getBusinessKey()).startsWith("YJ-");
    assertThat(variable(feedback, "replyDeadline")).as("complaints: one day").isEqualTo("P1D");
    assertThat(variable(feedback, "replyDueAt")).isEqualTo(Date.from(T0.plus(Duration.ofDays(1))));
    assertThat(variable(feedback, "reporterId")).isEqualTo(REPORTER);

    take(feedback, HANDLER);
    assertThat(variable(feedback, "firstResponder")).isEqualTo(HANDLER);
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(3))));
    complete(HANDLER, task(feedback, "Task_HandleFeedback"), Map.of("outcome", "explained",
        "reply", "已与食堂沟通，午餐起增加保温箱。"));

    Task rate = task(feedback, "Task_RateReply");
    assertThat(rate.getAssignee()).isEqualTo(REPORTER);
    assertThat(rate.getOwner()).as("the reporter's own task").isNull();
    assertThatThrownBy(() -> complete(HANDLER, rate, Map.of("satisfaction", "5")))
        .hasMessageContaining(HANDLER);
    complete(REPORTER, rate, Map.of("satisfaction", "4", "ratingComment", "有改进"));

    assertThat(ended(feedback)).isTrue();
    assertThat(historicVariable(feedback, "repliedInTime")).isEqualTo(true);
    assertThat(historicVariable(feedback, "satisfaction")).isEqualTo(4);
  }

  @Test
  void anAnonymousReporterIsHiddenFromTheHandlerAndVisibleToTheHeadAndThePrincipal() {
    ProcessInstance feedback = file("liuyang", "complaint", "gate", "门卫态度生硬，门难进、脸难看", true);
    take(feedback, HANDLER);
    String id = feedback.getId();
    Task handle = task(feedback, "Task_HandleFeedback");

    TestHttp.Answer variables = http.get("/engine-rest/task/" + handle.getId() + "/variables", HANDLER);
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).contains("门卫态度生硬").doesNotContain("liuyang");
    assertThat(http.get("/engine-rest/process-instance/" + id + "/variables", HANDLER).body()).doesNotContain("liuyang");
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + id, HANDLER).body())
        .doesNotContain("liuyang");
    assertThat(http.get("/api/feedback/" + id + "/reporter", HANDLER).status()).isEqualTo(403);

    complete(HANDLER, handle, Map.of("outcome", "explained", "reply", "已对门卫进行服务规范培训。"));
    assertThat(task(feedback, "Task_RateReply").getAssignee()).isEqualTo("liuyang");
    assertThat(http.get("/engine-rest/task?processInstanceId=" + id, HANDLER).body())
        .as("the rating task and its assignee stay hidden from the handler").doesNotContain("liuyang");
    assertThat(http.get("/engine-rest/history/task?processInstanceId=" + id, HANDLER).body()).doesNotContain("liuyang");

    for (String reader : List.of("gaoming", "lijianguo")) {
      TestHttp.Answer reporter = http.get("/api/feedback/" + id + "/reporter", reader);
      assertThat(reporter.status()).as(reader).isEqualTo(200);
      assertThat(reporter.json().get("reporterId").asText()).isEqualTo("liuyang");
      assertThat(reporter.json().get("anonymous").asBoolean()).isTrue();
    }
  }

  @Test
  void aMissedReplyDeadlineEscalatesToTheHeadOfLogisticsThenThePrincipal() {
    ProcessInstance feedback = file(REPORTER, "complaint", "dormitory", "宿舍热水经常中断", false);
    take(feedback, HANDLER);

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(1)).plusSeconds(60)));
    fire(feedback, "Timer_ReplyOverdue");
    Task supervision = task(feedback, "Task_SuperviseFeedback");
    assertThat(candidates(supervision)).containsExactly("group:logistics-head");
    assertThat(supervision.getOwner()).as("owned by the first responder").isEqualTo(HANDLER);
    assertThat(supervision.getDescription()).contains("答复超时").contains("一级督办");
    cases.as("gaoming", () -> engine.getTaskService().claim(supervision.getId(), "gaoming"));
    complete("gaoming", supervision, Map.of("supervisionNote", "今天下班前答复"));
    assertThat(escalations(feedback)).singleElement().satisfies(escalation -> {
      assertThat(escalation.level()).isEqualTo(1);
      assertThat(escalation.group()).isEqualTo("logistics-head");
      assertThat(escalation.handledBy()).isEqualTo("gaoming");
    });

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(2)).plusSeconds(120)));
    fire(feedback, "Timer_ReplyOverdue");
    assertThat(escalations(feedback)).extracting(Escalation::group).containsExactly("logistics-head", "principal");
    assertThat(variable(feedback, "escalationLevel")).isEqualTo(2);

    complete(HANDLER, task(feedback, "Task_HandleFeedback"), Map.of("outcome", "explained", "reply", "热水系统已检修。"));
    assertThat(variable(feedback, "repliedInTime")).isEqualTo(false);
  }

  @Test
  void anAcceptedSuggestionGetsACheckTaskAfterThePeriodAndMayBeReopenedOnce() {
    ProcessInstance feedback = file(REPORTER, "suggestion", "grounds", "操场边增加几张长椅", false);
    assertThat(variable(feedback, "replyDeadline")).isEqualTo("P3D");
    take(feedback, HANDLER);
    LocalDate today = T0.atZone(zone).toLocalDate();
    Task handle = task(feedback, "Task_HandleFeedback");

    assertThatThrownBy(() -> complete(HANDLER, handle, Map.of("outcome", "accepted", "reply", "采纳",
        "checkDate", today.plusDays(30).toString()))).hasMessageContaining("整改措施");
    assertThatThrownBy(() -> complete(HANDLER, handle, Map.of("outcome", "accepted", "reply", "采纳",
        "measure", "购置长椅四张", "checkDate", today.minusDays(1).toString()))).hasMessageContaining("考察日期");
    complete(HANDLER, handle, Map.of("outcome", "accepted", "reply", "采纳，本月内安装。",
        "measure", "购置长椅四张", "checkDate", today.plusDays(30).toString()));

    Date checkAt = Date.from(today.plusDays(30).atTime(8, 0).atZone(zone).toInstant());
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(feedback.getId()).timers()
        .activityId("Event_CheckDue").singleResult();
    assertThat(timer.getDuedate()).isEqualTo(checkAt);
    assertThat(tasks(feedback)).as("no task while the measure is tried").isEmpty();
    ClockUtil.setCurrentTime(checkAt);
    engine.getManagementService().executeJob(timer.getId());

    Task check = task(feedback, "Task_CheckImprovement");
    assertThat(check.getAssignee()).isEqualTo(HANDLER);
    complete(HANDLER, check, Map.of("improved", "true", "checkResult", "已安装四张长椅，使用良好"));
    assertThat(variable(feedback, "improved")).isEqualTo(true);

    complete(REPORTER, task(feedback, "Task_RateReply"), Map.of("satisfaction", "2", "reopen", true));
    Task again = task(feedback, "Task_HandleFeedback");
    assertThat(again.getAssignee()).as("reopened to the first responder").isEqualTo(HANDLER);
    assertThat(variable(feedback, "reopenCount")).isEqualTo(1);
    complete(HANDLER, again, Map.of("outcome", "explained", "reply", "长椅已加固。"));
    Task rateAgain = task(feedback, "Task_RateReply");
    assertThatThrownBy(() -> complete(REPORTER, rateAgain, Map.of("satisfaction", "2", "reopen", true)))
        .hasMessageContaining("只能重新办理一次");
    complete(REPORTER, rateAgain, Map.of("satisfaction", "4"));
    assertThat(ended(feedback)).isTrue();
  }

  @Test
  void badInputIsRefusedWithAChineseReasonAndNothingStarts() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.FEEDBACK).count();
    Map<String, Object> body = Map.of("variables", Map.of(
        "feedbackType", Map.of("value", "complaint"), "area", Map.of("value", "library"),
        "content", Map.of("value", "图书馆太吵")));
    TestHttp.Answer refused = http.postJson("/engine-rest/process-definition/key/feedback/start", REPORTER, TestHttp.json(body));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("涉及方面").contains("library");

    Map<String, Object> empty = Map.of("variables", Map.of(
        "feedbackType", Map.of("value", "praise"), "area", Map.of("value", "cleaning"), "content", Map.of("value", " ")));
    TestHttp.Answer blank = http.postJson("/engine-rest/process-definition/key/feedback/start", REPORTER, TestHttp.json(empty));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.message()).contains("意见内容");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.FEEDBACK).count())
        .isEqualTo(before);

    ProcessInstance feedback = file(REPORTER, "praise", "cleaning", "保洁阿姨很负责，教学楼很干净", false);
    assertThatThrownBy(() -> take(feedback, "majian")).as("a technician is no handler");
    assertThat(variable(feedback, "firstResponder")).isNull();
  }

  @Test
  void theFeedbackKpisCountByAreaAndTypeAndMeasureReplyTimeAndSatisfaction() {
    Instant t1 = Instant.parse("2032-09-07T02:00:00Z");
    ClockUtil.setCurrentTime(Date.from(t1));
    ProcessInstance cold = file(REPORTER, "complaint", "canteen", "饭菜太咸，口味需要调整", false);
    ProcessInstance queue = file("liuyang", "complaint", "canteen", "打饭排队时间太长", true);
    file(REPORTER, "suggestion", "gate", "访客登记可以改成扫码", false);
    take(cold, HANDLER);
    ClockUtil.setCurrentTime(Date.from(t1.plus(Duration.ofHours(6))));
    complete(HANDLER, task(cold, "Task_HandleFeedback"), Map.of("outcome", "explained", "reply", "已调整口味。"));
    complete(REPORTER, task(cold, "Task_RateReply"), Map.of("satisfaction", "4"));
    take(queue, HANDLER);
    ClockUtil.setCurrentTime(Date.from(t1.plus(Duration.ofHours(30))));
    complete(HANDLER, task(queue, "Task_HandleFeedback"), Map.of("outcome", "declined", "reply", "窗口已满负荷。"));

    TestHttp.Answer report = http.get("/api/metrics/feedback?from=2032-09-01&to=2032-09-30", "gaoming");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    var json = report.json();
    assertThat(json.get("total").asLong()).isEqualTo(3);
    assertThat(json.get("byArea").get("canteen").asLong()).isEqualTo(2);
    assertThat(json.get("byType").get("complaint").asLong()).isEqualTo(2);
    assertThat(json.get("byAreaAndType").get("gate").get("suggestion").asLong()).isEqualTo(1);
    assertThat(json.get("replied").asLong()).isEqualTo(2);
    assertThat(json.get("meanReplyHours").asDouble()).isEqualTo(18.0);
    assertThat(json.get("repliedInTimePercent").asDouble()).as("one of two within a day").isEqualTo(50.0);
    assertThat(json.get("satisfactionByArea").get("canteen").asDouble()).isEqualTo(4.0);
    assertThat(json.get("mostComplainedAreas").get(0).get("canteen").asLong()).isEqualTo(2);
    assertThat(http.get("/api/metrics/feedback?from=2032-09-30&to=2032-09-01", "gaoming").status()).isEqualTo(400);
    assertThat(http.get("/api/metrics/feedback", HANDLER).status()).isEqualTo(403);
  }

  private void take(ProcessInstance feedback, String user) {
    String taskId = task(feedback, "Task_HandleFeedback").getId();
    cases.as(user, () -> engine.getTaskService().claim(taskId, user));
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    cases.as(user, () -> engine.getTaskService().complete(task.getId(), variables));
  }

  private List<Task> tasks(ProcessInstance feedback) {
    return engine.getTaskService().createTaskQuery().processInstanceId(feedback.getId()).list();
  }

  private Object historicVariable(ProcessInstance feedback, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(feedback.getId())
        .variableName(name).singleResult().getValue();
  }

  private boolean ended(ProcessInstance feedback) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(feedback.getId()).count() == 0;
  }

}
