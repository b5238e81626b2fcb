package edu.campus.logistics.survey;

import static edu.campus.logistics.ValidStarts.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusTest;
import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.ProcessKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The termly satisfaction survey (满意度调查): started by the head or by the timer at a term's start, one
 * questionnaire per sampled employee, answers aggregated per area and term, the deadline closing the
 * rest as not answered, refusals, and what managers can (not) read. Every term name is this class's own.
 */
@CampusTest
class SurveyTest {

  static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");
  /** 2051-09-20, 10:00 at school. */
  static final Instant T0 = Instant.parse("2051-09-20T02:00:00Z");
  static final String HEAD = "gaoming";
  static final String TEACHER = "zhangwei";

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;
  TestHttp http;
  CaseDriver cases;

  @BeforeEach
  void start() {
    http = new TestHttp(port);
    cases = new CaseDriver(engine);
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void theHeadStartsATermAndEachSampledEmployeeAnswersOnceAggregatedPerAreaClosedAtTheDeadline() {
    String term = "2051-2052学年第一学期";
    ProcessInstance survey = started(term, 4, "2051-09-30");

    assertThat(survey.getBusinessKey()).matches("MY-\\d{4}-\\d{4,}");
    List<Task> questionnaires = questionnaires(survey);
    assertThat(questionnaires).hasSize(4);
    Set<String> respondents = new HashSet<>(questionnaires.stream().map(Task::getAssignee).toList());
    assertThat(respondents).as("four distinct people").hasSize(4).isSubsetOf(staff());
    assertThat(questionnaires).allSatisfy(task -> {
      assertThat(task.getOwner()).isNull();
      assertThat(task.getDueDate()).as("closes when the deadline day ends")
          .isEqualTo(Date.from(LocalDate.parse("2051-10-01").atStartOfDay(SCHOOL).toInstant()));
    });

    answer(questionnaires.get(0), ratings(5, 4, 3, 5, 4, 2), "食堂的菜品可以更丰富");
    answer(questionnaires.get(1), ratings(4, 4, 5, 5, 3, 3), null);
    answer(questionnaires.get(2), ratings(3, 5, 4, 4, 4, 4), "宿舍热水很稳定");

    JsonNode open = report(HEAD, term);
    assertThat(open.path("status").asText()).isEqualTo("进行中");
    assertThat(open.path("answered").asInt()).isEqualTo(3);
    assertThat(open.path("areas").get(0).path("answers").asInt()).isEqualTo(3);
    assertThat(open.path("areas").get(0).has("mean")).as("no mean while it moves with each answer").isFalse();
    assertThat(open.path("comments")).isEmpty();

    ClockUtil.setCurrentTime(Date.from(LocalDate.parse("2051-10-01").atStartOfDay(SCHOOL).toInstant().plusSeconds(60)));
    cases.management.executeJob(deadline(survey).getId());

    assertThat(questionnaires(survey)).as("the unanswered questionnaire is closed").isEmpty();
    Task review = cases.task(survey, "Task_ReviewResults");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("logistics-head"));
    assertThat(cases.runtime.getVariable(survey.getId(), "answerRate")).isEqualTo("75.0%");

    JsonNode closed = report(HEAD, term);
    assertThat(closed.path("status").asText()).isEqualTo("已结束");
    assertThat(closed.path("sampled").asInt()).isEqualTo(4);
    assertThat(closed.path("answered").asInt()).isEqualTo(3);
    assertThat(closed.path("answerRatePercent").decimalValue()).isEqualByComparingTo("75.0");
    Map<String, String> means = new LinkedHashMap<>();
    closed.path("areas").forEach(area -> {
      assertThat(area.path("answers").asInt()).as("the closed questionnaire is no score").isEqualTo(3);
      means.put(area.path("areaName").asText(), area.path("mean").decimalValue().toPlainString());
    });
    assertThat(means).containsExactly(Map.entry("食堂", "4.0"), Map.entry("宿舍", "4.3"), Map.entry("维修", "4.0"),
        Map.entry("门卫", "4.7"), Map.entry("绿化", "3.7"), Map.entry("保洁", "3.0"));
    assertThat(closed.path("comments")).extracting(JsonNode::asText).containsExactly("宿舍热水很稳定", "食堂的菜品可以更丰富");

    cases.claimAndComplete(HEAD, review, Map.of());
    assertThat(survey).isEnded().hasPassed("Task_DrawSample", "Timer_AnswerDeadline", "Task_CloseSurvey",
        "Task_ReviewResults", "EndEvent_SurveyClosed");
  }

  @Test
  void theTimerStartsTheTermFromThePlanAndOnlyOncePerTerm() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2053-03-15T00:00:00Z"))); // 08:00 at school
    cases.management.executeJob(termStart().getId());

    ProcessInstance survey = cases.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.SATISFACTION_SURVEY)
        .variableValueEquals("termName", "2052-2053学年第二学期").singleResult();
    assertThat(survey).isNotNull();
    assertThat(survey.getBusinessKey()).startsWith("MY-");
    assertThat(cases.runtime.getVariable(survey.getId(), "answerDeadline")).as("survey-plan: 14 days")
        .isEqualTo("2053-03-29");
    List<String> staff = staff();
    List<Task> questionnaires = questionnaires(survey);
    assertThat(questionnaires).as("the plan asks 60, capped by the staff group").hasSize(Math.min(60, staff.size()));
    assertThat(questionnaires.stream().map(Task::getAssignee).distinct().count()).isEqualTo(questionnaires.size());

    cases.management.executeJob(termStart().getId());
    assertThat(cases.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.SATISFACTION_SURVEY)
        .variableValueEquals("termName", "2052-2053学年第二学期").count()).as("one survey per term").isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_TermTaken")
        .count()).isPositive();
  }

  @Test
  void twoTermsAreKeptApart() {
    ProcessInstance autumn = started("2054-2055学年第一学期", 3, "2051-09-27");
    ProcessInstance spring = started("2054-2055学年第二学期", 3, "2051-09-27");
    questionnaires(autumn).forEach(task -> answer(task, ratings(5, 5, 5, 5, 5, 5), null));
    questionnaires(spring).forEach(task -> answer(task, ratings(2, 2, 2, 2, 2, 2), null));

    for (ProcessInstance survey : List.of(autumn, spring)) {
      assertThat(survey).as("everybody answered: closed before the deadline").isWaitingAt("Task_ReviewResults");
    }
    assertThat(report(HEAD, "2054-2055学年第一学期").path("areas").get(0).path("mean").decimalValue())
        .isEqualByComparingTo("5.0");
    assertThat(report(HEAD, "2054-2055学年第二学期").path("areas").get(0).path("mean").decimalValue())
        .isEqualByComparingTo("2.0");
    JsonNode all = http.get("/api/metrics/survey", "lijianguo").json().path("terms");
    assertThat(all).extracting(node -> node.path("term").asText())
        .contains("2054-2055学年第一学期", "2054-2055学年第二学期");
  }

  @Test
  void aRatingOutsideOneToFiveOrMissingIsRefusedAndChangesNothing() {
    String term = "2056-2057学年第一学期";
    ProcessInstance survey = started(term, 1, "2051-09-30");
    Task questionnaire = questionnaires(survey).get(0);
    String respondent = questionnaire.getAssignee();

    Map<String, Object> tooHigh = form(ratings(6, 4, 4, 4, 4, 4), null);
    Answer refused = http.postJson("/engine-rest/task/" + questionnaire.getId() + "/complete", respondent,
        TestHttp.json(Map.of("variables", tooHigh)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("食堂");

    Map<String, Object> missing = form(ratings(4, 4, 4, 4, 4, 4), null);
    missing.remove("ratingGate");
    refused = http.postJson("/engine-rest/task/" + questionnaire.getId() + "/complete", respondent,
        TestHttp.json(Map.of("variables", missing)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("门卫");

    assertThat(questionnaires(survey)).hasSize(1);
    assertThat(report(HEAD, term).path("answered").asInt()).isZero();
    assertThat(cases.runtime.getVariables(survey.getId())).doesNotContainKeys("ratingCanteen", "ratingGate");
  }

  @Test
  void onlyTheRespondentAnswersNotEvenAnAdministrator() {
    ProcessInstance survey = started("2057-2058学年第一学期", 1, "2051-09-30");
    Task questionnaire = questionnaires(survey).get(0);
    Answer byAdmin = http.send("POST", "/engine-rest/task/" + questionnaire.getId() + "/complete", "admin", "admin",
        "application/json", TestHttp.json(Map.of("variables", form(ratings(1, 1, 1, 1, 1, 1), null))));
    assertThat(byAdmin.status()).isEqualTo(400);
    assertThat(byAdmin.message()).contains("只能由被抽中的本人填写");
    Answer handedOn = http.send("POST", "/engine-rest/task/" + questionnaire.getId() + "/assignee", "admin", "admin",
        "application/json", TestHttp.json(Map.of("userId", HEAD.equals(questionnaire.getAssignee()) ? TEACHER : HEAD)));
    assertThat(handedOn.status()).isIn(400, 403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(questionnaire.getId()).singleResult().getAssignee())
        .isEqualTo(questionnaire.getAssignee());
    assertThat(report(HEAD, "2057-2058学年第一学期").path("answered").asInt()).isZero();
  }

  @Test
  void onlyTheHeadStartsASurveyAndOnlyOncePerTermWithADeadlineAhead() {
    for (String user : List.of(TEACHER, "lijianguo", "zhengkai")) {
      Answer refused = submitStart(user, "2058-2059学年第一学期", 3, "2051-09-30");
      assertThat(refused.status()).as(user).isEqualTo(403);
    }
    Answer past = submitStart(HEAD, "2058-2059学年第一学期", 3, "2051-09-19");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.message()).contains("答卷截止日期须在今天之后");
    Answer badName = submitStart(HEAD, "第一学期", 3, "2051-09-30");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(cases.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.SATISFACTION_SURVEY)
        .variableValueEquals("termName", "2058-2059学年第一学期").count()).isZero();

    started("2058-2059学年第一学期", 1, "2051-09-30");
    Answer twice = submitStart(HEAD, "2058-2059学年第一学期", 1, "2051-09-30");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.message()).contains("该学期已有满意度调查");
  }

  @Test
  void managersReadAggregatesOnlyAndNoOneReadsAPersonsAnswers() {
    String term = "2059-2060学年第一学期";
    ProcessInstance survey = started(term, 3, "2051-09-30");
    questionnaires(survey).forEach(task -> answer(task, ratings(1, 2, 3, 4, 5, 1), "保洁需要加强"));

    assertThat(http.get("/api/metrics/survey?term=" + encode(term), TEACHER).status()).isEqualTo(403);
    assertThat(http.get("/api/metrics/survey", TEACHER).status()).isEqualTo(403);
    for (String manager : List.of(HEAD, "lijianguo", "wangfang")) {
      assertThat(report(manager, term).path("answered").asInt()).as(manager).isEqualTo(3);
    }
    Answer unknown = http.get("/api/metrics/survey?term=" + encode("2099-2100学年第一学期"), HEAD);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.message()).contains("没有该学期的满意度调查");

    String instance = survey.getId();
    String page = "&firstResult=0&maxResults=200";
    // each read holds the case's other records (so the query reads the right case), none of the answers
    Map<String, String> reads = new LinkedHashMap<>();
    reads.put("/engine-rest/history/variable-instance?processInstanceId=" + instance + page, "termName");
    reads.put("/engine-rest/history/detail?processInstanceId=" + instance + page, "termName");
    reads.put("/engine-rest/process-instance/" + instance + "/variables", "termName");
    reads.put("/engine-rest/history/user-operation?processInstanceId=" + instance + page, "Complete");
    reads.forEach((path, present) -> {
      Answer read = http.get(path, "wangfang");
      assertThat(read.status()).as(path).isEqualTo(200);
      assertThat(read.body()).as(path + ": the case's other records are there").contains(present);
      assertThat(read.body()).as(path).doesNotContain("ratingCanteen").doesNotContain("ratingCleaning")
          .doesNotContain("保洁需要加强");
    });
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableNameIn("ratingCanteen", "ratingGate", "surveyComment").count()).isZero();
  }

  // --- steps

  private ProcessInstance started(String term, int sampleSize, String deadline) {
    Answer started = submitStart(HEAD, term, sampleSize, deadline);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return cases.runtime.createProcessInstanceQuery().processInstanceId(started.json().path("id").asText()).singleResult();
  }

  private Answer submitStart(String user, String term, int sampleSize, String deadline) {
    return http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.SATISFACTION_SURVEY + "/submit-form", user,
        TestHttp.json(Map.of("variables", Map.of("termName", typed(term, "String"),
            "sampleSize", typed(sampleSize, "Long"), "answerDeadline", typed(deadline, "String")))));
  }

  private List<Task> questionnaires(ProcessInstance survey) {
    return cases.tasks.createTaskQuery().processInstanceId(survey.getId()).taskDefinitionKey("Task_AnswerSurvey").list();
  }

  /** The respondent answers in Tasklist's way (REST, as himself). */
  private void answer(Task questionnaire, int[] ratings, String comment) {
    Answer answered = http.postJson("/engine-rest/task/" + questionnaire.getId() + "/submit-form",
        questionnaire.getAssignee(), TestHttp.json(Map.of("variables", form(ratings, comment))));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
  }

  private static int[] ratings(int... ratings) {
    return ratings;
  }

  private static Map<String, Object> form(int[] ratings, String comment) {
    List<String> fields = List.of("ratingCanteen", "ratingDormitory", "ratingRepair", "ratingGate", "ratingGrounds",
        "ratingCleaning");
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      variables.put(fields.get(i), typed(String.valueOf(ratings[i]), "String"));
    }
    if (comment != null) {
      variables.put("surveyComment", typed(comment, "String"));
    }
    return variables;
  }

  private JsonNode report(String user, String term) {
    Answer answer = http.get("/api/metrics/survey?term=" + encode(term), user);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private Job deadline(ProcessInstance survey) {
    return cases.management.createJobQuery().processInstanceId(survey.getId()).timers()
        .activityId("Timer_AnswerDeadline").singleResult();
  }

  private Job termStart() {
    return cases.management.createJobQuery().processDefinitionKey(ProcessKeys.SURVEY_SCHEDULE).timers()
        .activityId("StartEvent_TermStarts").singleResult();
  }

  private List<String> staff() {
    return engine.getIdentityService().createUserQuery().memberOfGroup("staff").list().stream().map(User::getId).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
