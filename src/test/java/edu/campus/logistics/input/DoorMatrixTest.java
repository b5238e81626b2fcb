package edu.campus.logistics.input;

import static edu.campus.logistics.OpenTasks.completion;
import static edu.campus.logistics.ValidStarts.typed;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.LedgerService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every user task × every door that writes a variable or moves a task × every group, through
 * {@code /engine-rest} as a user who is in exactly that group ({@link SingleGroupUsers}). The doors
 * closed to non-administrators (resolve, BPMN error and escalation, setting variables on the task,
 * locally, or on the instance) answer 403 to everyone; claiming the task for somebody else, and
 * completing or submitting it as anybody but the one who may, are refused with 4xx. After every
 * refusal the case is as it was — where it waits, its jobs, the task's assignee, owner and variables,
 * the ledger. Then the person who may do the step submits the form, as Tasklist does, and the case
 * moves on.
 */
@CampusTest
class DoorMatrixTest {

  /** A door, and how it is knocked on: method, path below /engine-rest/task/{id} or the instance, body. */
  enum Door {
    COMPLETE, SUBMIT_FORM, RESOLVE, BPMN_ERROR, BPMN_ESCALATION, CLAIM_FOR_OTHER, SET_TASK_VARIABLE,
    SET_LOCAL_TASK_VARIABLE, MODIFY_INSTANCE_VARIABLES;

    /** Doors no non-administrator passes: the engine answers 403 before anything happens. */
    boolean closed() {
      return this != COMPLETE && this != SUBMIT_FORM && this != CLAIM_FOR_OTHER;
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  TestHttp http;
  OpenTasks cases;
  Snapshot snapshot;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    cases = new OpenTasks(engine);
    snapshot = new Snapshot(engine, ledger, assets);
  }

  static Stream<String> tasks() {
    return Stream.concat(OpenTasks.PROCUREMENT_TASKS.stream(), OpenTasks.REPAIR_TASKS.stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void everyDoorRefusesEveryoneButTheOneWhoMayDoTheStep(String taskKey) {
    Task task = cases.openAt(taskKey);
    String mayDoIt = task.getAssignee() != null ? task.getAssignee() : SingleGroupUsers.of(cases.candidateGroup(task));
    List<String> refusedThrough = new ArrayList<>();
    for (CampusGroup group : CampusGroup.values()) {
      String user = SingleGroupUsers.of(group.id());
      if (SingleGroupUsers.ADMIN.equals(user)) {
        continue;
      }
      for (Door door : Door.values()) {
        if (user.equals(mayDoIt) && (door == Door.COMPLETE || door == Door.SUBMIT_FORM)) {
          continue;
        }
        Snapshot.CaseState before = snapshot.ofCase(task);
        Answer answer = knock(door, task, user, mayDoIt);
        String cell = taskKey + " × " + door + " × " + group.id() + ": " + answer.body();
        if (door.closed()) {
          assertThat(answer.status()).as(cell).isEqualTo(403);
        } else {
          assertThat(answer.status()).as(cell).isIn(400, 403, 409);
        }
        assertThat(answer.message()).as(cell).isNotBlank();
        assertThat(snapshot.ofCase(task)).as("nothing changed: " + cell).isEqualTo(before);
        refusedThrough.add(cell);
      }
    }
    assertThat(refusedThrough).hasSizeGreaterThanOrEqualTo(11 * Door.values().length - 2);

    Answer done = http.postJson(taskPath(task, "/submit-form"), mayDoIt,
        TestHttp.json(Map.of("variables", completion(taskKey))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the case moved on").isZero();
  }

  private Answer knock(Door door, Task task, String user, String mayDoIt) {
    Map<String, Object> form = completion(task.getTaskDefinitionKey());
    String variable = TestHttp.json(typed("改写", "String"));
    return switch (door) {
      case COMPLETE -> http.postJson(taskPath(task, "/complete"), user, TestHttp.json(Map.of("variables", form)));
      case SUBMIT_FORM -> http.postJson(taskPath(task, "/submit-form"), user, TestHttp.json(Map.of("variables", form)));
      case RESOLVE -> http.postJson(taskPath(task, "/resolve"), user, TestHttp.json(Map.of("variables", form)));
      case BPMN_ERROR -> http.postJson(taskPath(task, "/bpmnError"), user, TestHttp.json(Map.of(
          "errorCode", "Error_StockShortage", "variables", form)));
      case BPMN_ESCALATION -> http.postJson(taskPath(task, "/bpmnEscalation"), user, TestHttp.json(Map.of(
          "escalationCode", "Escalation_SlaBreach", "variables", form)));
      case CLAIM_FOR_OTHER -> http.postJson(taskPath(task, "/claim"), user, TestHttp.json(Map.of(
          "userId", user.equals(mayDoIt) ? "zhengkai" : mayDoIt)));
      case SET_TASK_VARIABLE -> http.send("PUT", taskPath(task, "/variables/requesterId"), user, user,
          "application/json", variable);
      case SET_LOCAL_TASK_VARIABLE -> http.send("PUT", taskPath(task, "/localVariables/decision"), user, user,
          "application/json", variable);
      case MODIFY_INSTANCE_VARIABLES -> http.postJson("/engine-rest/process-instance/" + task.getProcessInstanceId()
          + "/variables", user, TestHttp.json(Map.of("modifications", Map.of("reporterId", typed(user, "String")))));
    };
  }

  private static String taskPath(Task task, String door) {
    return "/engine-rest/task/" + task.getId() + door;
  }
}
