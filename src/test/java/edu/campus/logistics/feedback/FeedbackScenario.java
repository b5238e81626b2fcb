package edu.campus.logistics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the feedback tests share: the application, filing a feedback, its tasks, timers, candidates and escalations. */
@CampusTest
abstract class FeedbackScenario {

  static final String REPORTER = "zhangwei";
  static final String HANDLER = "zhengkai";

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;
  @Value("${campus.time-zone}")
  ZoneId zone;
  TestHttp http;
  CaseDriver cases;

  @BeforeEach
  void setUpScenario() {
    http = new TestHttp(port);
    cases = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  ProcessInstance file(String reporter, String type, String area, String content, boolean anonymous) {
    return file(reporter, type, area, content, anonymous, "normal");
  }

  ProcessInstance file(String reporter, String type, String area, String content, boolean anonymous, String urgency) {
    Map<String, Object> variables = new HashMap<>(Map.of("feedbackType", type, "area", area, "content", content,
        "anonymous", anonymous, "urgency", urgency));
    return cases.as(reporter, () -> engine.getRuntimeService().createProcessInstanceByKey(ProcessKeys.FEEDBACK)
        .setVariables(variables).execute());
  }

  /** Fires the instance's timer at {@code timerId}, which must be due by now. */
  void fire(ProcessInstance instance, String timerId) {
    Job job = cases.timer(instance, timerId);
    assertThat(job).as(timerId + " pending").isNotNull();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    engine.getManagementService().executeJob(job.getId());
  }

  /** The newest task of {@code key}. */
  Task task(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .orderByTaskCreateTime().desc().list().get(0);
  }

  /** The task's candidates, as {@code user:<id>} and {@code group:<id>}. */
  List<String> candidates(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(FeedbackScenario::describe).toList();
  }

  private static String describe(IdentityLink link) {
    return link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId();
  }

  List<Escalation> escalations(ProcessInstance feedback) {
    return JsonVariable.readList(variable(feedback, "escalations"), Escalation.class, "escalations", "escalations");
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }
}
