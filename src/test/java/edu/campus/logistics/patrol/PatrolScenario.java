package edu.campus.logistics.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.identity.ProcessKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Common ground of the patrol and inspection tests: days driven by {@code ClockUtil} and by executing
 * the timer start job as the job executor would (never by waiting), every step as the acting user.
 * Each test uses days of its own (the report is per day) and starts with no open repair at the
 * patrol's locations, so that "already reported" means reported by the test itself.
 */
@CampusTest
abstract class PatrolScenario {

  static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");
  static final Set<String> PATROL_LOCATIONS = Set.of("教学楼", "实验楼", "宿舍楼", "食堂", "操场", "配电室", "图书馆",
      "全校消防器材", "校车停车场");

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;
  TestHttp http;
  /** Steps as the acting user; camunda-bpm-assert initialised for this engine. */
  CaseDriver cases;

  @BeforeEach
  void noOpenRepairsAtThePatrolLocations() {
    cases = new CaseDriver(engine);
    http = new TestHttp(port);
    for (String location : PATROL_LOCATIONS) {
      engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
          .variableValueEquals("location", location).list()
          .forEach(repair -> engine.getRuntimeService().deleteProcessInstance(repair.getId(), "test isolation"));
    }
  }

  @AfterEach
  void resetClockAndLogin() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** Sets the engine clock to that local time of the day. */
  void at(LocalDate day, String time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.parse(time)).atZone(SCHOOL).toInstant()));
  }

  /** The morning of that day: the timer start event of the process fires (its job executed), the case of the day. */
  ProcessInstance dayStarts(String processKey, LocalDate day) {
    at(day, processKey.equals(ProcessKeys.INSPECTION) ? "06:30" : "06:00");
    Job start = engine.getManagementService().createJobQuery().processDefinitionKey(processKey).timers()
        .activityId(processKey.equals(ProcessKeys.INSPECTION) ? "StartEvent_InspectionDay" : "StartEvent_PatrolDay")
        .singleResult();
    assertThat(start).as("the timer start job of " + processKey).isNotNull();
    engine.getManagementService().executeJob(start.getId());
    String id = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .variableValueEquals(PatrolVariables.PATROL_DATE, day.toString()).orderByProcessInstanceStartTime().desc()
        .list().get(0).getId();
    ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    return running;
  }

  List<Task> rounds(ProcessInstance day) {
    return engine.getTaskService().createTaskQuery().processInstanceId(day.getId()).initializeFormKeys()
        .orderByTaskName().asc().list().stream().filter(task -> task.getTaskDefinitionKey().startsWith("Task_PatrolRound")
            || task.getTaskDefinitionKey().equals("Task_Inspect")).toList();
  }

  /** The open round task of that area and round name (晨巡 …). */
  Task round(ProcessInstance day, String areaName, String roundName) {
    return rounds(day).stream().filter(task -> task.getName().endsWith("：" + areaName + " · " + roundName)).findFirst()
        .orElseThrow(() -> new AssertionError("no open round " + areaName + " · " + roundName));
  }

  String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst().orElse(null);
  }

  /** The checklist as offered on the task, every item answered ok. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> allOk(Task task) {
    Object offered = engine.getTaskService().getVariable(task.getId(), PatrolVariables.CHECKLIST);
    List<Map<String, Object>> rows = new ArrayList<>();
    try {
      for (Map<String, Object> row : (List<Map<String, Object>>) TestHttp.JSON.readValue(offered.toString(), List.class)) {
        Map<String, Object> answer = new LinkedHashMap<>(row);
        answer.put("result", "ok");
        rows.add(answer);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** The checklist with the named item marked as a defect. */
  static List<Map<String, Object>> withDefect(List<Map<String, Object>> rows, String item, String note, String urgency) {
    for (Map<String, Object> row : rows) {
      if (item.equals(row.get("item"))) {
        row.put("result", "defect");
        row.put("note", note);
        row.put("urgency", urgency);
      }
    }
    return rows;
  }

  /** Claims (if it is a group's) and completes the checklist as that user. */
  void patrol(Task task, String user, List<Map<String, Object>> checklist) {
    cases.as(user, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getTaskService().complete(task.getId(), Map.of(PatrolVariables.CHECKLIST, TestHttp.json(checklist)));
      return null;
    });
  }

  /** Repairs started by a patrol case. */
  List<ProcessInstance> repairsOf(ProcessInstance day) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
        .variableValueEquals(PatrolVariables.SOURCE_CASE, day.getBusinessKey()).list();
  }

  Object variable(String instanceId, String name) {
    return engine.getRuntimeService().getVariable(instanceId, name);
  }

  /**
   * Deploys the process with its models and forms as a process owner would, with one file's text
   * changed ({@code from} → {@code to}); returns the deployment, to be undone by {@link #redeployOriginal}.
   */
  Deployment deployEdited(String processFile, String rulesFile, String from, String to) throws IOException {
    String rules = Files.readString(Path.of("processes/patrol", rulesFile));
    assertThat(rules).contains(from);
    return deploy(processFile, rulesFile, rules.replace(from, to));
  }

  /** Deploys the files as they are in the project again, so the next test sees the application's own rules. */
  void redeployOriginal(String processFile, String rulesFile) throws IOException {
    deploy(processFile, rulesFile, Files.readString(Path.of("processes/patrol", rulesFile)));
  }

  private Deployment deploy(String processFile, String rulesFile, String rules) throws IOException {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("patrol-test-" + rulesFile)
        .addString(processFile, Files.readString(Path.of("processes/patrol", processFile)))
        .addString(rulesFile, rules);
    try (Stream<Path> forms = Files.list(Path.of("forms/patrol"))) {
      for (Path form : forms.toList()) {
        builder.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    return builder.deploy();
  }
}
