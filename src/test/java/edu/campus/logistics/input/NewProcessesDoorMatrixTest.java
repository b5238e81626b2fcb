package edu.campus.logistics.input;

import static edu.campus.logistics.ValidStarts.typed;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The doors of the processes added after procurement and repair — requisition (LY), stock reorder (BH),
 * stocktake (PD), feedback (YJ), daily patrol (XJ), planned inspection (JC) and the satisfaction survey (MY) — knocked on for every
 * one of their user tasks, in the style of {@link DoorMatrixTest}: every door that writes a variable or moves a task or a case (complete,
 * submit-form, resolve, BPMN error and escalation, claim for oneself and for another, set assignee,
 * update the task, delegate, candidates, variables on the task, locally, on the execution and the
 * instance, message, signal, modification, restart, migration, suspension, deletion of the instance and
 * of its history), as
 * <ol>
 *   <li>a user of a group the task is not for, through {@code /engine-rest} (HTTP Basic), and</li>
 *   <li>the person the case's four-eyes rule keeps out of that step (the storekeeper who asked for the
 *   goods approving or issuing them; the storekeeper who issued them signing for them; the counter
 *   approving his own stocktake; a logistics staff member answering his own complaint; the first
 *   responder rating his own reply or doing the head's supervision; the reporter checking the measure;
 *   the patroller whose round is late doing the head's supervision of it; the head answering an employee's
 *   questionnaire), through Tasklist's own API with a webapp login.</li>
 * </ol>
 * Every knock is refused with 4xx and a reason (the doors {@link Doors} closes: 403), and afterwards the
 * case is as it was: where it waits, its jobs, the task's assignee, owner and variables, the ledger.
 */
class NewProcessesDoorMatrixTest extends CaseDoors {

  static final String STOREKEEPER = "wuxiaohong";
  static final String OTHER_STOREKEEPER = SingleGroupUsers.of("warehouse");
  static final String COUNTER_AND_APPROVER = "door-dual";
  static final String LOGISTICS_REPORTER = "fengxue";
  static final String HANDLER = "zhengkai";
  static final String HEAD = "gaoming";
  static final String FOUR_EYES = "四眼原则";
  /** The engine's own refusal to someone who neither holds nor may take the task (an assigned task is its assignee's). */
  static final String NO_TASK_WORK = "'TASK_WORK' permission";
  /** A Tuesday, 10:00 at school: feedback cases are filed then (their deadlines and check dates count from it). */
  static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");
  static final Instant FILED_AT = Instant.parse("2032-05-04T02:00:00Z");

  /** A door, and whether {@link Doors} closes it to every non-administrator (403 before anything happens). */
  enum Door {
    COMPLETE(false), SUBMIT_FORM(false), RESOLVE(true), BPMN_ERROR(true), BPMN_ESCALATION(true), CLAIM(false),
    CLAIM_FOR_OTHER(false), SET_ASSIGNEE(false), UPDATE_TASK(false), DELEGATE(true), ADD_CANDIDATE(true),
    SET_TASK_VARIABLE(true), SET_LOCAL_TASK_VARIABLE(true), MODIFY_TASK_VARIABLES(true),
    MODIFY_INSTANCE_VARIABLES(true), SET_EXECUTION_LOCAL_VARIABLE(true), CORRELATE_MESSAGE(true), SIGNAL(true),
    MODIFY_INSTANCE(true), RESTART(true), MIGRATE(false), SUSPEND(false), DELETE_INSTANCE(false),
    DELETE_HISTORY(false);

    final boolean closed;

    Door(boolean closed) {
      this.closed = closed;
    }
  }

  /** A case waiting at the task, who may not touch it, and what completing it validly would send. */
  record Opened(Task task, String outsider, String fourEyesOffender, String fourEyesRefusal, Map<String, Object> form) {
  }

  static Stream<String> tasks() {
    return Stream.of("requisition/Task_ApproveRequisition", "requisition/Task_IssueGoods",
        "requisition/Task_ConfirmReceipt", "stock-reorder/Task_ProposeProcurement", "stocktake/Task_CountStock",
        "stocktake/Task_ApproveDifferences", "feedback/Task_HandleFeedback", "feedback/Task_RateReply",
        "feedback/Task_SuperviseFeedback", "feedback/Task_CheckImprovement", "daily-patrol/Task_PatrolRound",
        "daily-patrol/Task_SupervisePatrol", "inspection/Task_Inspect", "inspection/Task_SuperviseInspection",
        "satisfaction-survey/Task_AnswerSurvey", "satisfaction-survey/Task_ReviewResults");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void everyDoorOfTheNewProcessesRefusesTheOutsiderAndTheFourEyesOffender(String row) {
    Opened opened = open(row.substring(row.indexOf('/') + 1));
    Task task = opened.task();
    List<String> refused = new ArrayList<>();
    Function<Door, Answer> asOutsider = door -> knock(door, task, opened.form(), opened.outsider(),
        (method, path, body) -> http.send(method, "/engine-rest" + path, opened.outsider(), opened.outsider(),
            "application/json", body));
    refused.addAll(tryEveryDoor(row, task, opened.outsider(), asOutsider, null));
    if (opened.fourEyesOffender() != null) {
      WebappSession tasklist = http.webapp();
      assertThat(tasklist.login("tasklist", opened.fourEyesOffender(), opened.fourEyesOffender()).status()).isEqualTo(200);
      Function<Door, Answer> asOffender = door -> knock(door, task, opened.form(), opened.fourEyesOffender(),
          (method, path, body) -> tasklist.send(method, "/camunda/api/engine/engine/default" + path,
              "application/json", body));
      refused.addAll(tryEveryDoor(row, task, opened.fourEyesOffender(), asOffender, opened.fourEyesRefusal()));
    }
    assertThat(refused).hasSize(Door.values().length * (opened.fourEyesOffender() == null ? 1 : 2));
  }

  private List<String> tryEveryDoor(String row, Task task, String user, Function<Door, Answer> knock, String refusal) {
    List<String> refused = new ArrayList<>();
    for (Door door : Door.values()) {
      Snapshot.CaseState before = snapshot.ofCase(task);
      Answer answer = knock.apply(door);
      String cell = row + " × " + door + " × " + user + ": " + answer.status() + " " + answer.body();
      if (door.closed) {
        assertThat(answer.status()).as(cell).isEqualTo(403);
      } else {
        assertThat(answer.status()).as(cell).isIn(400, 403, 404, 409);
      }
      assertThat(answer.message()).as(cell).isNotBlank();
      if (refusal != null && (door == Door.COMPLETE || door == Door.SUBMIT_FORM)) {
        assertThat(answer.message()).as("the four-eyes rule speaks: " + cell).contains(refusal);
      }
      assertThat(snapshot.ofCase(task)).as("nothing changed: " + cell).isEqualTo(before);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult().isSuspended()).as("not suspended: " + cell).isFalse();
      refused.add(cell);
    }
    return refused;
  }

  @FunctionalInterface
  interface Api {
    Answer call(String method, String path, String body);
  }

  private Answer knock(Door door, Task task, Map<String, Object> form, String user, Api api) {
    String taskPath = "/task/" + task.getId();
    String instance = task.getProcessInstanceId();
    String definition = task.getProcessDefinitionId();
    String variable = TestHttp.json(typed("改写", "String"));
    Map<String, Object> rewrite = Map.of("modifications", Map.of("requesterId", typed(user, "String")));
    return switch (door) {
      case COMPLETE -> api.call("POST", taskPath + "/complete", TestHttp.json(Map.of("variables", form)));
      case SUBMIT_FORM -> api.call("POST", taskPath + "/submit-form", TestHttp.json(Map.of("variables", form)));
      case RESOLVE -> api.call("POST", taskPath + "/resolve", TestHttp.json(Map.of("variables", form)));
      case BPMN_ERROR -> api.call("POST", taskPath + "/bpmnError", TestHttp.json(Map.of("errorCode", "Error_Any")));
      case BPMN_ESCALATION -> api.call("POST", taskPath + "/bpmnEscalation",
          TestHttp.json(Map.of("escalationCode", "Escalation_Any")));
      case CLAIM -> api.call("POST", taskPath + "/claim", TestHttp.json(Map.of("userId", user)));
      // the task's owner (a first responder) may hand it to a candidate: he is tried with a stranger
      case CLAIM_FOR_OTHER -> api.call("POST", taskPath + "/claim", TestHttp.json(Map.of("userId",
          user.equals(task.getOwner()) ? "liuyang" : HEAD.equals(user) ? HANDLER : HEAD)));
      case SET_ASSIGNEE -> api.call("POST", taskPath + "/assignee", TestHttp.json(Map.of("userId", user)));
      case UPDATE_TASK -> api.call("PUT", taskPath, TestHttp.json(Map.of("name", task.getName(), "assignee", user,
          "owner", user)));
      case DELEGATE -> api.call("POST", taskPath + "/delegate", TestHttp.json(Map.of("userId", user)));
      case ADD_CANDIDATE -> api.call("POST", taskPath + "/identity-links",
          TestHttp.json(Map.of("groupId", "staff", "type", "candidate")));
      case SET_TASK_VARIABLE -> api.call("PUT", taskPath + "/variables/decision", variable);
      case SET_LOCAL_TASK_VARIABLE -> api.call("PUT", taskPath + "/localVariables/decision", variable);
      case MODIFY_TASK_VARIABLES -> api.call("POST", taskPath + "/variables", TestHttp.json(rewrite));
      case MODIFY_INSTANCE_VARIABLES -> api.call("POST", "/process-instance/" + instance + "/variables",
          TestHttp.json(rewrite));
      case SET_EXECUTION_LOCAL_VARIABLE -> api.call("PUT", "/execution/" + task.getExecutionId()
          + "/localVariables/decision", variable);
      case CORRELATE_MESSAGE -> api.call("POST", "/message", TestHttp.json(Map.of("messageName", "Message_Any",
          "processInstanceId", instance)));
      case SIGNAL -> api.call("POST", "/signal", TestHttp.json(Map.of("name", "Signal_Any")));
      case MODIFY_INSTANCE -> api.call("POST", "/process-instance/" + instance + "/modification", TestHttp.json(Map.of(
          "skipCustomListeners", true, "instructions", List.of(Map.of("type", "startBeforeActivity",
              "activityId", task.getTaskDefinitionKey())))));
      case RESTART -> api.call("POST", "/process-definition/" + definition + "/restart", TestHttp.json(Map.of(
          "processInstanceIds", List.of(instance), "instructions", List.of(Map.of("type", "startBeforeActivity",
              "activityId", task.getTaskDefinitionKey())))));
      case MIGRATE -> api.call("POST", "/migration/execute", TestHttp.json(Map.of("migrationPlan", Map.of(
          "sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition, "instructions", List.of()),
          "processInstanceIds", List.of(instance))));
      case SUSPEND -> api.call("PUT", "/process-instance/" + instance + "/suspended",
          TestHttp.json(Map.of("suspended", true)));
      case DELETE_INSTANCE -> api.call("DELETE", "/process-instance/" + instance, null);
      case DELETE_HISTORY -> api.call("DELETE", "/history/process-instance/" + instance, null);
    };
  }

  private Opened open(String taskKey) {
    CaseDriver driver = new CaseDriver(engine);
    SingleGroupUsers.ensure(engine.getIdentityService());
    String outsider = SingleGroupUsers.of("finance");
    return switch (taskKey) {
      case "Task_ApproveRequisition" -> new Opened(requisitionAt(driver, taskKey), outsider, STOREKEEPER,
          FOUR_EYES, form("decision", "approve", "comment", "同意"));
      case "Task_IssueGoods" -> new Opened(requisitionAt(driver, taskKey), outsider, STOREKEEPER, FOUR_EYES, Map.of());
      case "Task_ConfirmReceipt" -> new Opened(requisitionAt(driver, taskKey), outsider, OTHER_STOREKEEPER,
          NO_TASK_WORK, form("receiptNote", "已领到"));
      case "Task_ProposeProcurement" -> new Opened(reorderProposal(driver), outsider, null, null,
          form("reorderAction", "skip"));
      case "Task_CountStock" -> new Opened(stocktakeAt(driver, taskKey), outsider, null, null, Map.of());
      case "Task_ApproveDifferences" -> new Opened(stocktakeAt(driver, taskKey), outsider, COUNTER_AND_APPROVER,
          FOUR_EYES, form("decision", "approve"));
      case "Task_HandleFeedback" -> new Opened(feedbackAt(driver, taskKey), SingleGroupUsers.of("technicians"),
          LOGISTICS_REPORTER, FOUR_EYES, form("outcome", "explained", "reply", "已处理"));
      case "Task_RateReply" -> new Opened(feedbackAt(driver, taskKey), SingleGroupUsers.of("logistics-staff"), HANDLER,
          NO_TASK_WORK, form("satisfaction", 5L));
      case "Task_SuperviseFeedback" -> new Opened(feedbackAt(driver, taskKey), SingleGroupUsers.of("logistics-staff"),
          HANDLER, "的候选人能办理", form("supervisionNote", "今天答复"));
      case "Task_CheckImprovement" -> new Opened(feedbackAt(driver, taskKey), SingleGroupUsers.of("logistics-staff"),
          LOGISTICS_REPORTER, NO_TASK_WORK, form("improved", true, "checkResult", "已改善"));
      // no four-eyes rule in a patrol: whoever was late does not do the head's supervision (the engine's TASK_WORK)
      case "Task_PatrolRound" -> new Opened(roundAt(ProcessKeys.DAILY_PATROL, LocalDate.parse("2032-06-07"), false),
          outsider, null, null, Map.of());
      case "Task_SupervisePatrol" -> supervision(roundAt(ProcessKeys.DAILY_PATROL, LocalDate.parse("2032-06-14"), true),
          outsider);
      case "Task_Inspect" -> new Opened(roundAt(ProcessKeys.INSPECTION, LocalDate.parse("2032-06-08"), false), outsider,
          null, null, Map.of());
      case "Task_SuperviseInspection" -> supervision(roundAt(ProcessKeys.INSPECTION, LocalDate.parse("2032-06-15"), true),
          outsider);
      // a questionnaire is its respondent's alone: another employee, and the head who started the survey
      case "Task_AnswerSurvey" -> {
        Task questionnaire = surveyAt(driver, taskKey, "2061-2062学年第一学期");
        String respondent = questionnaire.getAssignee();
        yield new Opened(questionnaire, respondent.equals("zhangwei") ? "liuyang" : "zhangwei",
            respondent.equals(HEAD) ? "wangfang" : HEAD, NO_TASK_WORK, surveyAnswer());
      }
      case "Task_ReviewResults" -> new Opened(surveyAt(driver, taskKey, "2062-2063学年第一学期"), outsider, null, null,
          Map.of());
      default -> throw new IllegalArgumentException(taskKey);
    };
  }

  /** A survey of one person started by the head, at the questionnaire or (answered) at the head's 查看调查结果. */
  private Task surveyAt(CaseDriver driver, String taskKey, String term) {
    ClockUtil.setCurrentTime(Date.from(FILED_AT));
    Answer started = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.SATISFACTION_SURVEY
        + "/submit-form", HEAD, TestHttp.json(Map.of("variables", Map.of("termName", typed(term, "String"),
        "sampleSize", typed(1, "Long"), "answerDeadline", typed("2032-05-20", "String")))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    Task questionnaire = driver.task(instance, "Task_AnswerSurvey");
    if (taskKey.equals("Task_AnswerSurvey")) {
      return questionnaire;
    }
    Answer answered = http.postJson("/engine-rest/task/" + questionnaire.getId() + "/submit-form",
        questionnaire.getAssignee(), TestHttp.json(Map.of("variables", surveyAnswer())));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    return driver.task(instance, taskKey);
  }

  private static Map<String, Object> surveyAnswer() {
    return form("ratingCanteen", "4", "ratingDormitory", "4", "ratingRepair", "5", "ratingGate", "3",
        "ratingGrounds", "4", "ratingCleaning", "5");
  }

  private Opened supervision(Task supervision, String outsider) {
    return new Opened(supervision, outsider, latePatroller, NO_TASK_WORK, form("supervisionNote", "请尽快巡查"));
  }

  /** Who holds the round that was late (a member of its group when nobody took it). */
  private String latePatroller;

  /**
   * The day's patrol or inspection case, planned by its timer start on that morning, at its first round
   * ({@code overdue} false) or at the head's supervision of the first round that was not done in time.
   */
  private Task roundAt(String processKey, LocalDate day, boolean overdue) {
    boolean patrol = processKey.equals(ProcessKeys.DAILY_PATROL);
    ClockUtil.setCurrentTime(Date.from(day.atTime(6, patrol ? 0 : 30).atZone(SCHOOL).toInstant()));
    var management = engine.getManagementService();
    Job start = management.createJobQuery().processDefinitionKey(processKey).timers()
        .activityId(patrol ? "StartEvent_PatrolDay" : "StartEvent_InspectionDay").list().get(0);
    management.executeJob(start.getId());
    String instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .variableValueEquals("patrolDate", day.toString()).orderByProcessInstanceStartTime().desc().list().get(0).getId();
    String roundKey = patrol ? "Task_PatrolRound" : "Task_Inspect";
    if (!overdue) {
      return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(roundKey)
          .orderByTaskName().asc().list().get(0);
    }
    Job late = management.createJobQuery().processInstanceId(instance).timers()
        .activityId(patrol ? "Timer_RoundOverdue" : "Timer_InspectionOverdue").orderByJobDuedate().asc().list().get(0);
    Task lateRound = engine.getTaskService().createTaskQuery().executionId(late.getExecutionId()).singleResult();
    latePatroller = lateRound != null && lateRound.getAssignee() != null ? lateRound.getAssignee() : HANDLER;
    ClockUtil.setCurrentTime(Date.from(late.getDuedate().toInstant().plusSeconds(60)));
    management.executeJob(late.getId());
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(patrol ? "Task_SupervisePatrol" : "Task_SuperviseInspection").singleResult();
  }

  /** A requisition of {@link #STOREKEEPER} for two boxes of a stocked consumable (a storekeeper approves it). */
  private Task requisitionAt(CaseDriver driver, String taskKey) {
    String code = stockedItem("门禁测试耗材", "盒", "office", "20", "0");
    String lines = TestHttp.json(List.of(Map.of("itemCode", code, "quantity", 2, "purpose", "门禁测试")));
    var requisition = driver.as(STOREKEEPER, () -> engine.getRuntimeService().startProcessInstanceByKey(
        ProcessKeys.REQUISITION, Map.of("lines", SpinValues.jsonValue(lines).create())));
    Task approval = driver.task(requisition, "Task_ApproveRequisition");
    if (taskKey.equals("Task_ApproveRequisition")) {
      return approval;
    }
    driver.claimAndComplete(OTHER_STOREKEEPER, approval, Map.of("decision", "approve", "comment", "同意"));
    Task issue = driver.task(requisition, "Task_IssueGoods");
    if (taskKey.equals("Task_IssueGoods")) {
      return issue;
    }
    driver.claimAndComplete(OTHER_STOREKEEPER, issue, Map.of());
    driver.executeJobs(requisition);
    return driver.task(requisition, taskKey);
  }

  /** The open reorder proposal (one at a time): made by the daily check if none is open. */
  private Task reorderProposal(CaseDriver driver) {
    stockedItem("门禁测试补货", "包", "office", "1", "10");
    Task open = engine.getTaskService().createTaskQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER)
        .taskDefinitionKey("Task_ProposeProcurement").list().stream().findFirst().orElse(null);
    if (open != null) {
      return open;
    }
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER).timers()
        .list().get(0);
    engine.getManagementService().executeJob(timer.getId());
    return engine.getTaskService().createTaskQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER)
        .taskDefinitionKey("Task_ProposeProcurement").singleResult();
  }

  /** A stocktake of one room with one desk card; counted by {@link #COUNTER_AND_APPROVER} when asked for the approval. */
  private Task stocktakeAt(CaseDriver driver, String taskKey) {
    ensureCounterAndApprover();
    String room = "门禁楼" + UUID.randomUUID().toString().substring(0, 8) + "/101";
    Voucher receipt = Voucher.manual("DOOR-PD-" + UUID.randomUUID(), STOREKEEPER);
    ledger.receive(receipt, List.of(StockLine.of("FUR-DESK", BigDecimal.ONE, new BigDecimal("260"))));
    String tag = assets.register(receipt, new NewAssets(1, "FUR-DESK", 1, new BigDecimal("260"), room, STOREKEEPER,
        LocalDate.now())).get(0).tag();
    Answer started = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.STOCKTAKE + "/start", HEAD,
        TestHttp.json(Map.of("variables", Map.of("scopeType", typed("location", "String"),
            "scopeLocation", typed(room, "String"), "includeOverdue", typed(false, "Boolean")))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    Task count = driver.task(instance, "Task_CountStock");
    if (taskKey.equals("Task_CountStock")) {
      return count;
    }
    Answer counted = http.postJson("/engine-rest/task/" + count.getId() + "/complete", COUNTER_AND_APPROVER,
        TestHttp.json(Map.of("variables", Map.of(
            "countedItems", Map.of("value", "[]", "type", "Json"),
            "assetFindings", Map.of("value", TestHttp.json(List.of(Map.of("assetTag", tag, "finding", "present"))),
                "type", "Json")))));
    assertThat(counted.status()).as(counted.body()).isEqualTo(204);
    var running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult();
    driver.executeJobs(running);
    return driver.task(instance, taskKey);
  }

  /** A complaint of {@link #LOGISTICS_REPORTER} (a logistics staff member), taken by {@link #HANDLER}, up to the task. */
  private Task feedbackAt(CaseDriver driver, String taskKey) {
    Instant filedAt = FILED_AT;
    ClockUtil.setCurrentTime(Date.from(filedAt));
    Answer filed = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.FEEDBACK + "/submit-form",
        LOGISTICS_REPORTER, TestHttp.json(Map.of("variables", form("feedbackType", "complaint", "area", "canteen",
            "content", "食堂的汤经常是凉的", "anonymous", false))));
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    String instance = filed.json().path("id").asText();
    Task handle = driver.task(instance, "Task_HandleFeedback");
    if (taskKey.equals("Task_HandleFeedback")) {
      return handle;
    }
    driver.claim(HANDLER, handle);
    var running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult();
    if (taskKey.equals("Task_SuperviseFeedback")) {
      ClockUtil.setCurrentTime(Date.from(filedAt.plus(Duration.ofDays(2))));
      driver.fire(running, "Timer_ReplyOverdue");
      return driver.task(instance, taskKey);
    }
    boolean accepted = taskKey.equals("Task_CheckImprovement");
    Map<String, Object> reply = new LinkedHashMap<>(Map.of("outcome", accepted ? "accepted" : "explained",
        "reply", "已与食堂沟通，增加保温桶。"));
    if (accepted) {
      reply.put("measure", "增加保温桶");
      reply.put("checkDate", LocalDate.ofInstant(filedAt, SCHOOL).plusDays(30).toString());
    }
    driver.complete(HANDLER, driver.task(instance, "Task_HandleFeedback"), reply);
    if (accepted) {
      ClockUtil.setCurrentTime(Date.from(filedAt.plus(Duration.ofDays(32))));
      driver.fire(running, "Event_CheckDue");
    }
    return driver.task(instance, taskKey);
  }

  private String stockedItem(String name, String unit, String category, String quantity, String reorderLevel) {
    String code = "DOOR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(code, name, "门禁测试", unit, category, new BigDecimal(reorderLevel)));
    ledger.receive(Voucher.manual("DOOR-OPEN-" + code, STOREKEEPER), List.of(StockLine.of(code, new BigDecimal(quantity),
        new BigDecimal("5"))));
    return code;
  }

  /** In warehouse and general-affairs: may count, and may approve what others counted. */
  private void ensureCounterAndApprover() {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(COUNTER_AND_APPROVER).count() == 0) {
      User user = identity.newUser(COUNTER_AND_APPROVER);
      user.setFirstName("兼");
      user.setLastName("保管员");
      user.setPassword(COUNTER_AND_APPROVER);
      identity.saveUser(user);
      for (String group : List.of("staff", "warehouse", "general-affairs")) {
        identity.createMembership(COUNTER_AND_APPROVER, group);
      }
    }
  }

  /** Camunda REST variables (name → {value, type}) from plain pairs. */
  private static Map<String, Object> form(Object... pairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      variables.put((String) pairs[i], typed(value, value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long"
          : "String"));
    }
    return variables;
  }
}
