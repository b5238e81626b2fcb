package edu.campus.logistics.identity;

import static edu.campus.logistics.identity.AccessPolicy.DAILY_PATROL;
import static edu.campus.logistics.identity.AccessPolicy.REQUISITION;
import static edu.campus.logistics.identity.AccessPolicy.STOCKTAKE;
import static edu.campus.logistics.identity.ProcessKeys.DAMAGE_COMPENSATION;
import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static edu.campus.logistics.identity.ProcessKeys.REPAIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The authorization matrix of docs/security.md, cell by cell, allowed and refused. The expected
 * table is written here independently of {@link AccessPolicy} and {@link ApiSecurityConfiguration}:
 * a change there that is not also made in docs/security.md and here fails this test.
 * Every call is made as a user who is in exactly the group of the row ({@link SingleGroupUsers}).
 */
@CampusTest
class AuthorizationMatrixTest {

  private static final List<String> PROCESSES =
      List.of(PROCUREMENT, REQUISITION, REPAIR, DAMAGE_COMPENSATION, DAILY_PATROL, ProcessKeys.INSPECTION, STOCKTAKE);
  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");
  private static final List<String> API_FAMILIES =
      List.of("ledger", "assets", "actuator", "metrics", "exports", "deployments");

  /**
   * Columns: the seven processes (S = start and read, R = read definition only, - = nothing) | webapps
   * Tasklist, Cockpit, Admin (Y/-) | /api/ledger, /api/assets, /actuator, /api/metrics, /api/exports,
   * /api/deployments (Y/-) | deploys models (Y/-). Same as docs/security.md.
   */
  private static final String MATRIX = """
      staff            | S S S - - - - | Y - - | - - - - - - | -
      general-affairs  | S S S R R R S | Y Y - | Y Y - Y - - | -
      principal        | S S S R R R R | Y Y - | Y Y - Y Y - | -
      school-committee | R - - - - - - | Y - - | - - - - - - | -
      purchasing       | S - - - - - - | Y - - | Y Y - - - - | -
      inspectors       | R - - - - - - | Y - - | Y Y - - - - | -
      warehouse        | R S - - - - R | Y - - | Y Y - - - - | -
      logistics-staff  | - - S R R R - | Y - - | - Y - - - - | -
      technicians      | - - S - - R - | Y - - | - Y - - - - | -
      logistics-head   | R R S R R R S | Y Y - | Y Y Y Y Y - | -
      finance          | R R R R R R R | Y Y - | Y Y - Y Y - | -
      process-owners   | R R R R R R R | Y Y - | - - - - - Y | Y
      camunda-admin    | S S S S S S S | Y Y Y | Y Y Y Y Y Y | Y
      """;

  /** Groups that see every process task read-only in Cockpit and Tasklist (READ_TASK on all definitions). */
  private static final List<String> COCKPIT_GROUPS =
      List.of("general-affairs", "principal", "logistics-head", "finance", "process-owners", CampusGroup.CAMUNDA_ADMIN);

  private record Row(String group, Map<String, String> processes, Map<String, Boolean> apps,
                     Map<String, Boolean> api, boolean deploys) {
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;

  TestHttp http;

  @BeforeEach
  void users() {
    SingleGroupUsers.ensure(identityService);
    http = new TestHttp(port);
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] parts = line.split("\\|");
      String[] processes = parts[1].trim().split(" ");
      String[] apps = parts[2].trim().split(" ");
      String[] api = parts[3].trim().split(" ");
      Map<String, String> processRights = new LinkedHashMap<>();
      for (int i = 0; i < PROCESSES.size(); i++) {
        processRights.put(PROCESSES.get(i), processes[i]);
      }
      Map<String, Boolean> appRights = new LinkedHashMap<>();
      for (int i = 0; i < APPS.size(); i++) {
        appRights.put(APPS.get(i), apps[i].equals("Y"));
      }
      Map<String, Boolean> apiRights = new LinkedHashMap<>();
      for (int i = 0; i < API_FAMILIES.size(); i++) {
        apiRights.put(API_FAMILIES.get(i), api[i].equals("Y"));
      }
      rows.add(new Row(parts[0].trim(), processRights, appRights, apiRights, parts[4].trim().equals("Y")));
    }
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyGroupHasARow() {
    List<String> groups = Stream.concat(Arrays.stream(CampusGroup.values()).map(CampusGroup::id),
        Stream.of(CampusGroup.CAMUNDA_ADMIN)).toList();
    return Stream.of(dynamicTest("matrix rows = CampusGroup + camunda-admin",
        () -> assertThat(rows().stream().map(Row::group).toList()).containsExactlyInAnyOrderElementsOf(groups)));
  }

  @TestFactory
  Stream<DynamicTest> startAndReadRightsPerProcess() {
    return rows().stream().flatMap(row -> row.processes().entrySet().stream().map(cell -> dynamicTest(
        row.group() + " × " + cell.getKey() + " = " + cell.getValue(), () -> {
          List<String> groups = List.of(row.group());
          String probe = "matrix-probe";
          boolean start = authorized(probe, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
              Resources.PROCESS_DEFINITION, cell.getKey())
              && authorized(probe, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE, "anything");
          boolean read = authorized(probe, groups, Permissions.READ, Resources.PROCESS_DEFINITION, cell.getKey());
          assertThat(start).as("may start").isEqualTo(cell.getValue().equals("S"));
          assertThat(read).as("may read the definition").isEqualTo(!cell.getValue().equals("-"));
        })));
  }

  /** Deploying needs CREATE on deployments (the rest is DeploymentGuard's, tested in ProcessOwnersDeployTest). */
  @TestFactory
  Stream<DynamicTest> deployRights() {
    return rows().stream().map(row -> dynamicTest(row.group() + " deploys: " + (row.deploys() ? "yes" : "no"), () -> {
      boolean deploys = authorized("matrix-probe", List.of(row.group()), Permissions.CREATE, Resources.DEPLOYMENT, "*");
      assertThat(deploys).isEqualTo(row.deploys());
    }));
  }

  private boolean authorized(String user, List<String> groups, Permission permission, Resource resource, String id) {
    return authorizationService.isUserAuthorized(user, groups, permission, resource, id);
  }

  /** procurement is deployed: each group really starts it through REST, or is refused with 403 and nothing starts. */
  @TestFactory
  Stream<DynamicTest> procurementStartThroughRest() {
    return rows().stream().map(row -> dynamicTest(row.group() + " starts procurement: " + row.processes().get(PROCUREMENT),
        () -> {
          String user = SingleGroupUsers.of(row.group());
          String businessKey = "MATRIX-" + UUID.randomUUID();
          long before = startedBy(user);
          Answer answer = http.postJson("/engine-rest/process-definition/key/" + PROCUREMENT + "/start", user,
              ValidStarts.body(PROCUREMENT, businessKey));
          long started = startedBy(user) - before;
          if (row.processes().get(PROCUREMENT).equals("S")) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(started).isEqualTo(1);
            assertThat(answer.json().path("businessKey").asText()).as("the case number replaces the caller's key")
                .matches("CG-\\d{4}-\\d{4,}");
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(answer.json().path("id").asText())
                .singleResult().getStartUserId()).isEqualTo(user);
          } else if (row.processes().get(PROCUREMENT).equals("R")) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.json().path("type").asText()).isEqualTo("AuthorizationException");
            assertThat(answer.message()).contains("The user with id '" + user + "' does not have 'CREATE");
            assertThat(started).isZero();
          } else {
            // without READ the definition does not exist for this caller
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.message()).isEqualTo("No matching process definition with key: procurement and no tenant-id");
            assertThat(started).isZero();
          }
        }));
  }

  private long startedBy(String user) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCUREMENT).startedBy(user).count();
  }

  @TestFactory
  Stream<DynamicTest> webappAccess() {
    return rows().stream().flatMap(row -> row.apps().entrySet().stream().map(cell -> dynamicTest(
        row.group() + " logs into " + cell.getKey() + ": " + (cell.getValue() ? "yes" : "no"), () -> {
          String user = SingleGroupUsers.of(row.group());
          Answer login = http.webapp().login(cell.getKey(), user, user);
          if (cell.getValue()) {
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(login.json().path("userId").asText()).isEqualTo(user);
            List<String> authorizedApps = new ArrayList<>();
            login.json().path("authorizedApps").forEach(app -> authorizedApps.add(app.asText()));
            List<String> expectedApps = new ArrayList<>(List.of("welcome"));
            row.apps().forEach((app, allowed) -> {
              if (allowed) {
                expectedApps.add(app);
              }
            });
            assertThat(authorizedApps).containsExactlyInAnyOrderElementsOf(expectedApps);
          } else {
            assertThat(login.status()).isEqualTo(403);
          }
        })));
  }

  @TestFactory
  Stream<DynamicTest> apiAndActuatorAccess() {
    Map<String, List<String>> pathsByFamily = Map.of(
        "ledger", List.of("/api/ledger/items", "/api/ledger/items/OFF-A4", "/api/ledger/items/OFF-A4/entries",
            "/api/ledger/reconciliation"),
        "assets", List.of("/api/assets", "/api/assets?location=教学楼"),
        "actuator", List.of("/actuator", "/actuator/info"),
        "metrics", List.of("/api/metrics/summary", "/api/metrics/repairs?from=2026-01-01&to=2026-12-31",
            "/api/metrics/survey"),
        "exports", List.of("/api/exports", "/api/exports/assets?format=csv", "/api/exports/stock-ledger?item=OFF-A4&format=csv"),
        "deployments", List.of("/api/deployments/log", "/api/deployments/log?firstResult=0&maxResults=5"));
    return rows().stream().flatMap(row -> row.api().entrySet().stream().flatMap(cell ->
        pathsByFamily.get(cell.getKey()).stream().map(path -> dynamicTest(
            row.group() + " GET " + path + ": " + (cell.getValue() ? 200 : 403), () -> {
              Answer answer = http.get(path, SingleGroupUsers.of(row.group()));
              if (cell.getValue()) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
              } else {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.message()).contains("is not in any group allowed here");
              }
            }))));
  }

  /** Behind the filter an unknown asset tag is a 404 for readers: the group check comes first for others. */
  @TestFactory
  Stream<DynamicTest> assetDetailAccess() {
    return rows().stream().map(row -> dynamicTest(row.group() + " GET /api/assets/{unknown tag}", () -> {
      Answer answer = http.get("/api/assets/ZC1999-000000", SingleGroupUsers.of(row.group()));
      assertThat(answer.status()).isEqualTo(row.api().get("assets") ? 404 : 403);
    }));
  }

  @TestFactory
  Stream<DynamicTest> healthProbeIsOpenToEveryone() {
    Stream<String> callers = Stream.concat(rows().stream().map(row -> SingleGroupUsers.of(row.group())),
        Stream.of((String) null));
    return callers.map(user -> dynamicTest((user == null ? "anonymous" : user) + " GET /actuator/health", () -> {
      Answer answer = http.get("/actuator/health", user);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().path("status").asText()).isEqualTo("UP");
    }));
  }

  /**
   * Tasks of a running process: a candidate group works on them (TASK_WORK: see, claim, complete);
   * the Cockpit groups see them read-only; everyone else does not see them at all.
   */
  @TestFactory
  Stream<DynamicTest> processTasksSeeAndClaim() {
    String businessKey = "MATRIX-TASKS-" + UUID.randomUUID();
    Answer started = http.postJson("/engine-rest/process-definition/key/" + PROCUREMENT + "/start",
        SingleGroupUsers.of("staff"), ValidStarts.body(PROCUREMENT, businessKey));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instanceId).list();
    assertThat(tasks).isNotEmpty();
    return tasks.stream().flatMap(task -> {
      List<String> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(link -> link.getGroupId()).toList();
      return rows().stream().map(row -> dynamicTest(task.getTaskDefinitionKey() + " (candidates " + candidates + ") × "
          + row.group(), () -> {
        boolean works = candidates.contains(row.group()) || row.group().equals(CampusGroup.CAMUNDA_ADMIN);
        boolean sees = works || COCKPIT_GROUPS.contains(row.group());
        String user = SingleGroupUsers.of(row.group());
        assertThat(sees(user, "processInstanceId=" + instanceId, task.getId())).as("sees").isEqualTo(sees);
        assertClaim(task.getId(), user, works);
      }));
    });
  }

  /**
   * Every user task of procurement and repair, on a real case: whoever the model gives it to (a
   * member of its candidate group, who claims it first as in Tasklist, or its assignee) completes it
   * with valid variables and the case moves on; a member of any other group gets 403 (or 404) and
   * the task stays as it was. The repair cases' first responder is a demo user, so no single-group
   * user owns their tasks.
   */
  @TestFactory
  Stream<DynamicTest> processTasksCompleteAsCandidate() {
    OpenTasks cases = new OpenTasks(processEngine);
    return Stream.concat(OpenTasks.PROCUREMENT_TASKS.stream(), OpenTasks.REPAIR_TASKS.stream()).flatMap(taskKey -> {
      Task task = cases.openAt(taskKey);
      String candidateGroup = cases.candidateGroup(task);
      String worker = candidateGroup != null ? SingleGroupUsers.of(candidateGroup) : task.getAssignee();
      String body = TestHttp.json(Map.of("variables", OpenTasks.completion(taskKey)));
      String who = candidateGroup != null ? "candidates " + candidateGroup : "assignee " + worker;
      Stream<DynamicTest> refused = rows().stream()
          .filter(row -> !row.group().equals(CampusGroup.CAMUNDA_ADMIN) && !SingleGroupUsers.of(row.group()).equals(worker))
          .map(row -> dynamicTest(taskKey + " (" + who + ") completed by " + row.group() + ": refused", () -> {
            String user = SingleGroupUsers.of(row.group());
            Answer complete = http.postJson("/engine-rest/task/" + task.getId() + "/complete", user, body);
            assertThat(complete.status()).as(complete.body()).isIn(403, 404);
            assertThat(complete.message()).contains(user);
            Task still = taskService.createTaskQuery().taskId(task.getId()).singleResult();
            assertThat(still).as("the task stays open").isNotNull();
            assertThat(still.getAssignee()).isEqualTo(task.getAssignee());
          }));
      Stream<DynamicTest> completed = Stream.of(dynamicTest(taskKey + " (" + who + ") completed by " + worker, () -> {
        if (candidateGroup != null) {
          Answer claim = http.postJson("/engine-rest/task/" + task.getId() + "/claim", worker,
              TestHttp.json(Map.of("userId", worker)));
          assertThat(claim.status()).as(claim.body()).isEqualTo(204);
        }
        Answer complete = http.postJson("/engine-rest/task/" + task.getId() + "/complete", worker, body);
        assertThat(complete.status()).as(complete.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getDeleteReason())
            .isEqualTo("completed");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .activityId(taskKey).finished().count()).as("the case moved past " + taskKey).isEqualTo(1);
      }));
      return Stream.concat(refused, completed);
    });
  }

  /**
   * The mechanism behind every task cell, for each group as candidate: a task offered to group G is
   * claimed and completed by G's members (and the administrators) and by no other group; the Cockpit
   * groups see it read-only.
   */
  @TestFactory
  Stream<DynamicTest> candidateGroupGetsTaskWork() {
    return Arrays.stream(CampusGroup.values()).flatMap(candidate -> {
      Task offered = offeredTask(candidate, "offered");
      Task forAdmin = offeredTask(candidate, "admin completes");
      Stream<DynamicTest> perCaller = rows().stream().map(row -> dynamicTest(
          "task for " + candidate.id() + " × " + row.group(), () -> {
            boolean works = row.group().equals(candidate.id()) || row.group().equals(CampusGroup.CAMUNDA_ADMIN);
            boolean sees = works || COCKPIT_GROUPS.contains(row.group());
            String user = SingleGroupUsers.of(row.group());
            assertThat(sees(user, "taskId=" + offered.getId(), offered.getId())).as("sees").isEqualTo(sees);
            assertClaim(offered.getId(), user, works);
            if (!works) {
              Answer complete = http.postJson("/engine-rest/task/" + offered.getId() + "/complete", user, "{}");
              assertThat(complete.status()).as(complete.body()).isEqualTo(403);
              assertThat(complete.message()).contains(user);
            }
          }));
      Stream<DynamicTest> completes = Stream.of(
          dynamicTest("task for " + candidate.id() + " completed by " + candidate.id(),
              () -> assertCompletes(offered, SingleGroupUsers.of(candidate.id()))),
          dynamicTest("task for " + candidate.id() + " completed by camunda-admin",
              () -> assertCompletes(forAdmin, SingleGroupUsers.ADMIN)));
      return Stream.concat(perCaller, completes);
    });
  }

  private Task offeredTask(CampusGroup candidate, String purpose) {
    Task task = taskService.newTask();
    task.setName("矩阵测试：" + candidate.displayName() + " " + purpose);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidate.id());
    return task;
  }

  private void assertCompletes(Task task, String user) {
    Answer complete = http.postJson("/engine-rest/task/" + task.getId() + "/complete", user, "{}");
    assertThat(complete.status()).as(complete.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  private boolean sees(String user, String query, String taskId) {
    Answer list = http.get("/engine-rest/task?" + query + "&maxResults=100", user);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().forEach(task -> ids.add(task.path("id").asText()));
    Answer single = http.get("/engine-rest/task/" + taskId, user);
    assertThat(single.status()).as("GET /task/{id} agrees with the task query").isEqualTo(ids.contains(taskId) ? 200 : 404);
    return ids.contains(taskId);
  }

  private void assertClaim(String taskId, String user, boolean allowed) {
    Answer claim = http.postJson("/engine-rest/task/" + taskId + "/claim", user, TestHttp.json(Map.of("userId", user)));
    if (allowed) {
      assertThat(claim.status()).as(claim.body()).isEqualTo(204);
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(user);
      // handing a task back needs TASK_ASSIGN, which candidates do not get: only administrators unclaim
      Answer unclaim = http.postJson("/engine-rest/task/" + taskId + "/unclaim", user, "{}");
      if (user.equals(SingleGroupUsers.ADMIN)) {
        assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
      } else {
        assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(403);
        assertThat(unclaim.message()).contains("'TASK_ASSIGN' permission");
        taskService.setAssignee(taskId, null);
      }
    } else {
      assertThat(claim.status()).as(claim.body()).isIn(403, 404);
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }
  }
}
