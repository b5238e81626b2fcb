package edu.campus.logistics.repair;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Common ground of the repair scenario tests: the whole application, a {@link RepairDriver}, clock and login reset. */
@CampusTest
abstract class RepairScenario {

  static final String REPORTER = "zhangwei";
  static final String FIRST_RESPONDER = "zhengkai";

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  RepairDriver driver;
  /** REST as a demo user (password = user id), the door an offender would use. */
  TestHttp http;

  @BeforeEach
  void startDriver() {
    BpmnAwareTests.init(engine);
    driver = new RepairDriver(engine);
    http = new TestHttp(port);
  }

  /** The REST answer to {@code POST /engine-rest/task/{id}/<door>} with a JSON body, as {@code user}. */
  Answer onTask(Task task, String door, String user, Map<String, Object> body) {
    return http.postJson("/engine-rest/task/" + task.getId() + "/" + door, user, TestHttp.json(body));
  }

  /** Refused with 403 naming the user; the task is still open with the same assignee. */
  void assertForbidden(Answer answer, Task task, String user) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.message()).contains(user);
    Task still = driver.tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(still).as("task still open").isNotNull();
    assertThat(still.getAssignee()).isEqualTo(task.getAssignee());
  }

  @AfterEach
  void resetClockAndLogin() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }
}
