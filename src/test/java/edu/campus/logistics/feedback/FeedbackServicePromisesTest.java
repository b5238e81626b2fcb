package edu.campus.logistics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.duty.DutyTasklist;
import edu.campus.logistics.identity.ProcessKeys;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's service promises for feedback, with the clock under test control: an urgent feedback at
 * night goes to the person on duty and escalates to the duty leader, then logistics-head, around the
 * clock; a normal one's reply deadline runs in working time (weekend and the roster's holiday);
 * forwarded to a repair (转报修), linked both ways, rated when the repair is over. Roster defaults
 * (duty-roster.dmn): Tue 冯雪 (fengxue) with 李建国 (lijianguo) as duty leader; 2027-01-01 a holiday.
 */
class FeedbackServicePromisesTest extends FeedbackScenario {

  @Test
  void anUrgentFeedbackAtNightGoesToThePersonOnDutyAndEscalatesToTheDutyLeaderThenTheHeadOfLogistics() {
    at("2031-05-06T22:00"); // a Tuesday evening: 冯雪 on duty, 李建国 duty leader
    ProcessInstance feedback = file(REPORTER, "complaint", "canteen", "晚餐的鱼有异味，多名学生腹痛", false, "urgent");

    assertThat(variable(feedback, "replyDeadline")).as("urgent: two hours").isEqualTo("PT2H");
    assertThat(variable(feedback, "replyDueAt")).as("around the clock").isEqualTo(date("2031-05-07T00:00"));
    Task handle = cases.task(feedback, "Task_HandleFeedback");
    assertThat(candidates(handle)).containsExactlyInAnyOrder("user:fengxue", "group:logistics-staff");
    assertThat(variable(feedback, "dutyOfficer")).isEqualTo("fengxue");
    assertThat(variable(feedback, "dutyLeader")).isEqualTo("lijianguo");
    Filter dutyFilter = engine.getFilterService().createFilterQuery().filterName(DutyTasklist.MY_DUTY_TASKS).singleResult();
    assertThat(cases.as("fengxue", () -> engine.getFilterService().<Task>listPage(dutyFilter.getId(), 0, 500)))
        .extracting(Task::getId).contains(handle.getId());
    assertThat(cases.as(HANDLER, () -> engine.getFilterService().<Task>listPage(dutyFilter.getId(), 0, 500)))
        .extracting(Task::getId).doesNotContain(handle.getId());

    at("2031-05-07T00:01");
    fire(feedback, "Timer_ReplyOverdue");
    Task leader = supervision(feedback).get(0);
    assertThat(candidates(leader)).as("the duty leader in person").containsExactly("user:lijianguo");
    assertThat(leader.getDescription()).contains("一级督办");
    cases.claim("lijianguo", leader);
    cases.complete("lijianguo", leader, Map.of("supervisionNote", "请冯雪立即联系食堂并答复"));

    at("2031-05-07T02:01");
    fire(feedback, "Timer_ReplyOverdue");
    assertThat(supervision(feedback)).singleElement().satisfies(head ->
        assertThat(candidates(head)).containsExactly("group:logistics-head"));
    assertThat(escalations(feedback)).extracting(Escalation::level, Escalation::group)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "duty-leader"),
            org.assertj.core.groups.Tuple.tuple(2, "logistics-head"));
    assertThat(escalations(feedback).get(0).handledBy()).isEqualTo("lijianguo");

    cases.claim("fengxue", handle);
    assertThat(variable(feedback, "firstResponder")).isEqualTo("fengxue");
  }

  @Test
  void theDutyOfficerIsNotOfferedAnUrgentFeedbackSheFiledHerself() {
    at("2031-05-06T22:30");
    ProcessInstance feedback = file("fengxue", "complaint", "dormitory", "女生宿舍三楼停电，走廊一片漆黑", true, "urgent");

    assertThat(candidates(cases.task(feedback, "Task_HandleFeedback"))).containsExactly("group:logistics-staff");
    assertThat(variable(feedback, "dutyOfficer")).isNull();
  }

  @Test
  void urgentFeedbackInWorkingHoursStaysInTheQueueAndPraiseIsNeverUrgent() {
    at("2031-05-06T10:00");
    ProcessInstance urgent = file(REPORTER, "complaint", "dormitory", "宿舍楼热水器漏电，有安全隐患", false, "urgent");
    assertThat(candidates(cases.task(urgent, "Task_HandleFeedback"))).containsExactly("group:logistics-staff");
    assertThat(variable(urgent, "replyDueAt")).isEqualTo(date("2031-05-06T12:00"));

    at("2031-05-06T22:00");
    ProcessInstance praise = file(REPORTER, "praise", "cleaning", "保洁阿姨把走廊打扫得很干净", false, "urgent");
    assertThat(variable(praise, "urgency")).isEqualTo("normal");
    assertThat(variable(praise, "replyDeadline")).isEqualTo("P5D");
    assertThat(candidates(cases.task(praise, "Task_HandleFeedback"))).containsExactly("group:logistics-staff");
  }

  @Test
  void aNormalComplaintOnFridayEveningIsDueFromTheNextWorkingMorningAndNothingFiresAtTheWeekend() {
    at("2031-05-09T18:00"); // a Friday after working hours
    ProcessInstance feedback = file(REPORTER, "complaint", "canteen", "周五晚餐窗口提前关闭，没吃上饭", false, "normal");

    Date due = date("2031-05-13T08:00"); // P1D counted from Monday 08:00
    assertThat(variable(feedback, "replyDueAt")).isEqualTo(due);
    assertThat(timer(feedback).getDuedate()).isEqualTo(due);
    at("2031-05-10T09:00");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(feedback.getId()).executable().count())
        .as("nothing is late on Saturday morning").isZero();
  }

  @Test
  void theRostersHolidayMovesTheReplyDeadline() {
    at("2026-12-31T18:00"); // Thursday evening; 2027-01-01 is a holiday, then the weekend
    ProcessInstance feedback = file(REPORTER, "suggestion", "grounds", "操场边建议增加几张长椅", false, "normal");

    assertThat(variable(feedback, "replyDueAt")).as("P3D from Monday 2027-01-04 08:00").isEqualTo(date("2027-01-07T08:00"));
  }

  @Test
  void aFeedbackForwardedToARepairIsLinkedBothWaysAndRatedWhenTheRepairIsClosed() {
    at("2031-05-06T10:00");
    ProcessInstance feedback = file(REPORTER, "complaint", "other", "201 教室的窗户关不上，下雨会漏进来", false, "normal");
    cases.claim(HANDLER, cases.task(feedback, "Task_HandleFeedback"));
    TestHttp.Answer forwarded = submit(HANDLER, cases.task(feedback, "Task_HandleFeedback"), forward("教学楼 201 教室"));
    assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(204);

    ProcessInstance repair = repairOf(feedback);
    assertThat(repair.getBusinessKey()).startsWith("BX-");
    assertThat(variable(feedback, "repairCase")).isEqualTo(repair.getBusinessKey());
    assertThat(variable(feedback, "repairInstanceId")).isEqualTo(repair.getId());
    assertThat(variable(repair, "sourceCase")).isEqualTo(feedback.getBusinessKey());
    assertThat(variable(repair, "reporterId")).as("on the reporter's behalf").isEqualTo(REPORTER);
    assertThat(variable(repair, "reportedBy")).isEqualTo(HANDLER);
    assertThat((String) variable(repair, "description")).startsWith("意见反馈 " + feedback.getBusinessKey() + " 转报修：")
        .endsWith("窗户把手断了，关不严");
    assertThat(variable(repair, "location")).isEqualTo("教学楼 201 教室");
    assertThat(variable(repair, "category")).isEqualTo("carpentry");
    assertThat(candidates(cases.task(repair, "Task_DispatchRepair"))).contains("group:logistics-staff");
    assertThat(cases.waitsAt(feedback, "Task_RateReply")).as("rated once the repair is over").isFalse();
    assertThat(variable(feedback, "repliedInTime")).isEqualTo(true);
    for (String caller : List.of(HANDLER, REPORTER)) {
      TestHttp.Answer early = http.postJson("/engine-rest/message", caller, TestHttp.json(Map.of(
          "messageName", "RepairClosed", "processInstanceId", feedback.getId())));
      assertThat(early.status()).as("only the repair itself says it is over: " + caller).isEqualTo(403);
    }
    assertThat(cases.waitsAt(feedback, "Task_RateReply")).isFalse();
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(feedback.getId())
        .activityId("Event_RepairClosed").count()).isEqualTo(1);

    closeRepair(repair, REPORTER);

    Task rate = cases.task(feedback, "Task_RateReply");
    assertThat(rate.getAssignee()).isEqualTo(REPORTER);
    assertThat(variable(feedback, "repairCancelled")).isEqualTo(false);
    assertThat(variable(feedback, "repairClosedAt")).isNotNull();
    cases.complete(REPORTER, rate, Map.of("satisfaction", 5));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(feedback.getId()).count()).isZero();
  }

  @Test
  void anAnonymousFeedbackIsForwardedInTheFirstRespondersNameAndACancelledRepairStillReachesTheReporter() {
    at("2031-05-06T10:00");
    ProcessInstance feedback = file("liuyang", "complaint", "dormitory", "宿舍 305 的水龙头一直滴水，没人管", true, "normal");
    cases.claim(HANDLER, cases.task(feedback, "Task_HandleFeedback"));
    assertThat(submit(HANDLER, cases.task(feedback, "Task_HandleFeedback"), forward("男生宿舍 305")).status()).isEqualTo(204);

    ProcessInstance repair = repairOf(feedback);
    assertThat(variable(repair, "reporterId")).as("the repair never names an anonymous reporter").isEqualTo(HANDLER);
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(repair.getId()).list())
        .extracting(VariableInstance::getValue).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("liuyang"));
    assertThat(http.get("/engine-rest/process-instance/" + repair.getId() + "/variables", HANDLER).body())
        .doesNotContain("liuyang");

    engine.getRuntimeService().deleteProcessInstance(repair.getId(), "与 BX 报修重复");
    TestHttp.Answer gone = http.get("/engine-rest/process-instance/" + repair.getId() + "/variables", HANDLER);
    assertThat(gone.status()).as("an ended case's variables: " + gone.body()).isEqualTo(404);

    assertThat(variable(feedback, "repairCancelled")).isEqualTo(true);
    assertThat(cases.task(feedback, "Task_RateReply").getAssignee()).isEqualTo("liuyang");
  }

  @Test
  void aForwardWithoutWhereOrWithAnUnknownAssetTagIsRefusedInChineseAndNothingStarts() {
    at("2031-05-06T10:00");
    ProcessInstance feedback = file(REPORTER, "complaint", "other", "实验楼走廊灯坏了好几天", false, "normal");
    cases.claim(HANDLER, cases.task(feedback, "Task_HandleFeedback"));
    Task handle = cases.task(feedback, "Task_HandleFeedback");
    long repairs = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count();

    Map<String, Object> nowhere = forward(" ");
    TestHttp.Answer noPlace = submit(HANDLER, handle, nowhere);
    assertThat(noPlace.status()).isEqualTo(400);
    assertThat(noPlace.message()).contains("报修地点");

    Map<String, Object> unknownTag = forward("实验楼二楼走廊");
    unknownTag.put("repairAssetTag", "ZC2031-999999");
    TestHttp.Answer badTag = submit(HANDLER, handle, unknownTag);
    assertThat(badTag.status()).isEqualTo(400);
    assertThat(badTag.message()).contains("资产编号 ZC2031-999999");

    Map<String, Object> badCategory = forward("实验楼二楼走廊");
    badCategory.put("repairCategory", "lighting");
    TestHttp.Answer wrongCategory = submit(HANDLER, handle, badCategory);
    assertThat(wrongCategory.status()).isEqualTo(400);
    assertThat(wrongCategory.message()).contains("报修类别");

    assertThat(cases.waitsAt(feedback, "Task_HandleFeedback")).isTrue();
    assertThat(variable(feedback, "outcome")).isNull();
    assertThat(variable(feedback, "repairCase")).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count())
        .isEqualTo(repairs);
  }

  // --- driving the cases

  private static Map<String, Object> forward(String location) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("outcome", "forwarded");
    form.put("reply", "已转维修班处理，维修结束后请您评价。");
    form.put("repairLocation", location);
    form.put("repairCategory", "carpentry");
    form.put("repairDescription", "窗户把手断了，关不严");
    form.put("repairUrgency", "normal");
    return form;
  }

  /** Tasklist's own door: submit-form as {@code user}. */
  private TestHttp.Answer submit(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", user, TestHttp.json(Map.of("variables", variables)));
  }

  private ProcessInstance repairOf(ProcessInstance feedback) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
        .variableValueEquals("sourceInstanceId", feedback.getId()).singleResult();
  }

  /** The repair through its own steps: taken, dispatched, repaired, confirmed by its reporter, closed. */
  private void closeRepair(ProcessInstance repair, String reporter) {
    String responder = "fengxue";
    Task dispatch = cases.task(repair, "Task_DispatchRepair");
    cases.claim(responder, dispatch);
    cases.complete(responder, dispatch, Map.of("dispatchMode", "technician", "technician", "majian"));
    cases.complete("majian", cases.task(repair, "Task_RepairWork"),
        Map.of("workDone", "更换窗户把手", "cause", "wear", "partsUsed", List.of(), "repairCost", 0));
    cases.executeJobs(repair);
    cases.complete(reporter, cases.task(repair, "Task_ConfirmRepair"), Map.of("fixed", true, "satisfaction", 5));
    cases.executeJobs(repair);
    cases.complete(responder, cases.task(repair, "Task_CloseCase"), Map.of("closingNote", "已回访"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(repair.getId()).count()).isZero();
  }

  private Job timer(ProcessInstance feedback) {
    return cases.timer(feedback, "Timer_ReplyOverdue");
  }

  private List<Task> supervision(ProcessInstance feedback) {
    return engine.getTaskService().createTaskQuery().processInstanceId(feedback.getId())
        .taskDefinitionKey("Task_SuperviseFeedback").orderByTaskCreateTime().asc().list();
  }

  private void at(String localTime) {
    ClockUtil.setCurrentTime(date(localTime));
  }

  private Date date(String localTime) {
    return Date.from(LocalDateTime.parse(localTime).atZone(zone).toInstant());
  }
}
