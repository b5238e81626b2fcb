package edu.campus.logistics.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.procurement.ProcurementActivities;
import edu.campus.logistics.procurement.ProcurementVariables;
import edu.campus.logistics.repair.RepairVariables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 我的申请 through {@code GET /api/my/cases}, as each person: a teacher finds his own request with the
 * step it waits at and who holds it, then its result; a repair the logistics staff filed for him on
 * the phone is his too; nobody sees anyone else's cases; a bad limit is a 400 with a reason.
 */
@CampusTest
class MyRequestsTest {

  private static final String TEACHER = "zhangwei";
  private static final String OTHER_TEACHER = "liuyang";
  /** logistics-staff: may file a report on a teacher's behalf. */
  private static final String PHONE_DESK = OpenTasks.FIRST_RESPONDER;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;

  private TestHttp http;
  private OpenTasks cases;

  @BeforeEach
  void setUp() {
    SingleGroupUsers.ensure(identityService);
    http = new TestHttp(port);
    cases = new OpenTasks(engine);
  }

  @Test
  void aTeacherFollowsHisRequestFromTheQueueToTheApproverToItsResult() {
    ProcessInstance request = cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER);

    JsonNode waiting = caseOf(TEACHER, request.getId());
    assertThat(waiting.path("process").asText()).isEqualTo("物品采购");
    assertThat(waiting.path("state").asText()).isEqualTo("办理中");
    assertThat(waiting.path("startedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(steps(waiting)).containsExactly("审批采购申请（" + CampusGroup.GENERAL_AFFAIRS.displayName() + "（待认领））");

    Task approval = cases.task(request, ProcurementActivities.APPROVE_REQUEST);
    cases.claim("wangfang", approval);
    assertThat(steps(caseOf(TEACHER, request.getId()))).as("the approver's name once she took it")
        .containsExactly("审批采购申请（王芳）");

    cases.claimAndComplete("wangfang", approval, Map.of(ProcurementVariables.DECISION, "reject",
        ProcurementVariables.COMMENT, "本学期预算已用完"));
    assertThat(steps(caseOf(TEACHER, request.getId()))).as("he is told why, in his own task")
        .containsExactly(taskName(request, ProcurementActivities.READ_REJECTION) + "（张伟）");
    cases.claimAndComplete(TEACHER, cases.task(request, ProcurementActivities.READ_REJECTION), Map.of());
    JsonNode ended = caseOf(TEACHER, request.getId());
    assertThat(ended.path("state").asText()).isEqualTo("已办结");
    assertThat(ended.path("result").asText()).as("the end event's name in the model").isEqualTo("申请被驳回");
    assertThat(ended.path("endedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(steps(ended)).isEmpty();
  }

  @Test
  void aRepairFiledForHimOnThePhoneIsHisAndNobodyElseSeesEitherCase() {
    ProcessInstance own = cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER);
    Map<String, Object> phoneCall = new HashMap<>();
    phoneCall.put(RepairVariables.LOCATION, "教学楼 / 203");
    phoneCall.put(RepairVariables.CATEGORY, "plumbing");
    phoneCall.put(RepairVariables.DESCRIPTION, "教室门口水龙头漏水");
    phoneCall.put(RepairVariables.URGENCY, "normal");
    phoneCall.put(RepairVariables.REPORTER_ID, TEACHER);
    ProcessInstance repair = cases.as(PHONE_DESK, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(ProcessKeys.REPAIR, phoneCall));
    ProcessInstance others = cases.fileRequest(OTHER_TEACHER, OpenTasks.SMALL_ORDER);

    List<String> teachers = ids(TEACHER);
    assertThat(teachers).contains(own.getId(), repair.getId()).doesNotContain(others.getId());
    assertThat(caseOf(TEACHER, repair.getId()).path("process").asText()).isEqualTo("维修申报");
    assertThat(ids(OTHER_TEACHER)).contains(others.getId()).doesNotContain(own.getId(), repair.getId());
    assertThat(ids(PHONE_DESK)).as("the one who filed it on the phone").contains(repair.getId())
        .doesNotContain(own.getId(), others.getId());
    assertThat(ids("wangfang")).as("an approver's own list holds no one else's request")
        .doesNotContain(own.getId(), repair.getId(), others.getId());
  }

  @Test
  void aTaskCardShowsTheCaseNumberWhoAskedAndWhetherSomeoneTookIt() {
    ProcessInstance request = cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER);
    Task approval = cases.task(request, ProcurementActivities.APPROVE_REQUEST);
    String path = "/api/my/tasks/" + approval.getId();

    Answer card = http.get(path, "wangfang");
    assertThat(card.status()).as(card.body()).isEqualTo(200);
    assertThat(card.json().path("businessKey").asText()).isEqualTo(request.getBusinessKey()).startsWith("CG-");
    assertThat(card.json().path("requester").asText()).isEqualTo("张伟");
    assertThat(card.json().path("process").asText()).isEqualTo("物品采购");
    assertThat(card.json().path("claimed").asBoolean()).isFalse();

    cases.claim("wangfang", approval);
    assertThat(http.get(path, "wangfang").json().path("claimed").asBoolean()).isTrue();
    Answer stranger = http.get(path, OTHER_TEACHER);
    assertThat(stranger.status()).as("a task he cannot see does not exist for him").isEqualTo(404);
    assertThat(stranger.message()).contains("没有这项任务");
  }

  @TestFactory
  Stream<DynamicTest> everyGroupReadsOnlyItsOwnList() {
    return Arrays.stream(CampusGroup.values()).map(group -> dynamicTest(group.id(), () -> {
      String user = SingleGroupUsers.of(group.id());
      Answer answer = http.get("/api/my/cases", user);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      answer.json().path("cases").forEach(found -> assertThat(startedOrReportedBy(found.path("id").asText()))
          .as("case " + found.path("id").asText()).contains(user));
    }));
  }

  @Test
  void aBadLimitIsRefusedWithAReasonAndStrangersAreAskedToLogIn() {
    for (String limit : List.of("0", "201", "-1", "abc", "1e3")) {
      Answer answer = http.get("/api/my/cases?limit=" + limit, TEACHER);
      assertThat(answer.status()).as(limit).isEqualTo(400);
      assertThat(answer.message()).contains("条数须为 1 到 200 之间的整数");
    }
    assertThat(http.get("/api/my/cases", null).status()).isEqualTo(401);
    assertThat(http.get("/api/my/cases?limit=1", TEACHER).json().path("cases").size()).isLessThanOrEqualTo(1);
  }

  private String taskName(ProcessInstance instance, String taskKey) {
    return cases.task(instance, taskKey).getName();
  }

  private List<String> startedOrReportedBy(String processInstanceId) {
    List<String> people = new ArrayList<>();
    people.add(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getStartUserId());
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(RepairVariables.REPORTER_ID).list().forEach(variable -> people.add(String.valueOf(variable.getValue())));
    return people;
  }

  private List<String> ids(String user) {
    Answer answer = http.get("/api/my/cases?limit=200", user);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().path("cases").forEach(found -> ids.add(found.path("id").asText()));
    return ids;
  }

  private JsonNode caseOf(String user, String processInstanceId) {
    Answer answer = http.get("/api/my/cases?limit=200", user);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    for (JsonNode found : answer.json().path("cases")) {
      if (found.path("id").asText().equals(processInstanceId)) {
        return found;
      }
    }
    throw new AssertionError(user + " does not find case " + processInstanceId + " in " + answer.body());
  }

  private static List<String> steps(JsonNode found) {
    List<String> steps = new ArrayList<>();
    found.path("steps").forEach(step -> steps.add(step.path("name").asText() + "（" + step.path("holder").asText() + "）"));
    return steps;
  }
}
