package edu.campus.logistics.input;

import static edu.campus.logistics.OpenTasks.completion;
import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Separation of duties where money and goods move, tried through the REST API by the offending user
 * (HTTP Basic, a demo user in the right group for the step): requester ≠ approver, requester ≠
 * buyer, buyer ≠ inspector, requester ≠ inspector, technician ≠ confirmer of the repair. Each
 * violation is refused with a message, and nothing changes: the task stays open with the same
 * assignee and variables, no instance, task or ledger entry appears. Then the right person does the
 * step, which shows that the refusal was about the person, not the step. Also tried: the offender
 * rewriting the variable the rule reads (requesterId, buyerId, reporterId) in the same completion.
 */
class SeparationOfDutiesRestTest extends CaseDoors {

  private static final String PRINCIPAL_COLLEAGUE = SingleGroupUsers.of("principal");

  @Autowired
  TaskService taskService;

  @Test
  void requesterCannotApproveTheirOwnRequestAtThePrincipalLevel() {
    String request = file("lijianguo", OpenTasks.LARGE_ORDER);
    cases.claimAndComplete("wangfang", cases.task(request, APPROVE_REQUEST), OpenTasks.restValues(completion(APPROVE_REQUEST)));
    Task principalLevel = cases.task(request, APPROVE_REQUEST);
    assertThat(cases.candidateGroup(principalLevel)).isEqualTo("principal");
    String ownRequest = "四眼原则：申请人不能审批自己的采购申请（lijianguo） / four-eyes principle: the requester lijianguo "
        + "may not approve their own purchase request";

    assertRefused(principalLevel, () -> claim(principalLevel, "lijianguo"), 400, ownRequest);
    assertRefused(principalLevel, () -> complete(principalLevel, "lijianguo", completion(APPROVE_REQUEST)), 400, ownRequest);
    assertRefused(principalLevel, () -> complete(principalLevel, "lijianguo", withChanged(APPROVE_REQUEST,
        "requesterId", typed("zhangwei", "String"))), 400, "it may not change requesterId");
    assertRefused(principalLevel, () -> http.postJson("/engine-rest/task/" + principalLevel.getId() + "/assignee",
        SingleGroupUsers.ADMIN, TestHttp.json(Map.of("userId", "lijianguo"))), 400, ownRequest);

    assertCompletes(principalLevel, PRINCIPAL_COLLEAGUE, completion(APPROVE_REQUEST));
    assertThat(cases.task(request, PURCHASE_GOODS)).as("approved by another principal").isNotNull();
  }

  /**
   * What the process recorded stays as recorded, a list (JSON) as much as a name: the approver may send the
   * request's lines back as the form showed them, but not change them, through either door.
   */
  @Test
  void approverMayResendTheRequestLinesUnchangedButNotRewriteThem() {
    String request = file("zhangwei", OpenTasks.SMALL_ORDER);
    Task approval = cases.task(request, APPROVE_REQUEST);
    assertThat(claim(approval, "wangfang").status()).isEqualTo(204);
    String asStored = engine.getRuntimeService().getVariable(request, "items").toString();
    String moreChalk = asStored.replace("\"quantity\":2", "\"quantity\":200");
    assertThat(moreChalk).isNotEqualTo(asStored);

    assertRefused(approval, () -> complete(approval, "wangfang", withChanged(APPROVE_REQUEST,
        "items", typed(moreChalk, "Json"))), 400, "it may not change items");
    assertRefused(approval, () -> http.postJson("/engine-rest/task/" + approval.getId() + "/submit-form", "wangfang",
        TestHttp.json(Map.of("variables", withChanged(APPROVE_REQUEST, "items", typed(moreChalk, "Json"))))),
        400, "it may not change items");

    Map<String, Object> asShown = withChanged(APPROVE_REQUEST, "items", typed(asStored, "Json"));
    asShown.put("requesterId", typed("zhangwei", "String"));
    assertCompletes(approval, "wangfang", asShown);
    assertThat(engine.getRuntimeService().getVariable(request, "items").toString()).contains("\"quantity\":2")
        .doesNotContain("200");
  }

  @Test
  void requesterCannotBuyForTheirOwnRequest() {
    String request = file("zhaolei", OpenTasks.SMALL_ORDER);
    cases.claimAndComplete("wangfang", cases.task(request, APPROVE_REQUEST), OpenTasks.restValues(completion(APPROVE_REQUEST)));
    Task purchase = cases.task(request, PURCHASE_GOODS);
    String ownRequest = "四眼原则：申请人不能采购自己的采购申请（zhaolei） / four-eyes principle: the requester zhaolei "
        + "may not buy for their own purchase request";

    assertRefused(purchase, () -> claim(purchase, "zhaolei"), 400, ownRequest);
    assertRefused(purchase, () -> complete(purchase, "zhaolei", completion(PURCHASE_GOODS)), 400, ownRequest);
    assertRefused(purchase, () -> complete(purchase, "zhaolei", withChanged(PURCHASE_GOODS,
        "requesterId", typed("zhangwei", "String"))), 400, "it may not change requesterId");

    assertThat(claim(purchase, "zhouqiang").status()).isEqualTo(204);
    assertCompletes(purchase, "zhouqiang", completion(PURCHASE_GOODS));
    assertThat(engine.getRuntimeService().getVariable(request, "buyerId")).isEqualTo("zhouqiang");
  }

  @Test
  void buyerCannotInspectTheirOwnOrderAlthoughAnInspector() {
    String request = file("zhangwei", OpenTasks.SMALL_ORDER);
    cases.claimAndComplete("wangfang", cases.task(request, APPROVE_REQUEST), OpenTasks.restValues(completion(APPROVE_REQUEST)));
    Task purchase = cases.task(request, PURCHASE_GOODS);
    assertThat(claim(purchase, "zhouqiang").status()).isEqualTo(204);
    assertCompletes(purchase, "zhouqiang", completion(PURCHASE_GOODS));
    Task inspection = cases.task(request, INSPECT_GOODS);
    String ownOrder = "四眼原则：采购员不能验收自己经办的订单（zhouqiang） / four-eyes principle: the buyer zhouqiang "
        + "may not inspect their own order";

    assertRefused(inspection, () -> claim(inspection, "zhouqiang"), 400, ownOrder);
    assertRefused(inspection, () -> complete(inspection, "zhouqiang", completion(INSPECT_GOODS)), 400, ownOrder);
    assertRefused(inspection, () -> complete(inspection, "zhouqiang", withChanged(INSPECT_GOODS,
        "buyerId", typed("zhaolei", "String"))), 400,
        "办理任务时只能填写本任务的字段，不能修改流程记录的数据：buyerId / completing Task_InspectGoods may set only "
            + "acceptedQuantities, inspectionNote, inspectionResult; it may not change buyerId");

    assertThat(claim(inspection, "sunli").status()).isEqualTo(204);
    assertCompletes(inspection, "sunli", completion(INSPECT_GOODS));
    assertThat(cases.task(request, CONFIRM_STORAGE)).isNotNull();
  }

  @Test
  void requesterCannotInspectTheirOwnGoods() {
    String request = file("sunli", OpenTasks.SMALL_ORDER);
    cases.claimAndComplete("wangfang", cases.task(request, APPROVE_REQUEST), OpenTasks.restValues(completion(APPROVE_REQUEST)));
    cases.claimAndComplete("zhaolei", cases.task(request, PURCHASE_GOODS), OpenTasks.restValues(completion(PURCHASE_GOODS)));
    Task inspection = cases.task(request, INSPECT_GOODS);
    String ownRequest = "四眼原则：申请人不能验收自己的采购申请（sunli）";

    assertRefused(inspection, () -> claim(inspection, "sunli"), 400, ownRequest);
    assertRefused(inspection, () -> complete(inspection, "sunli", completion(INSPECT_GOODS)), 400, ownRequest);

    assertCompletes(inspection, "zhouqiang", completion(INSPECT_GOODS));
  }

  @Test
  void technicianCannotConfirmTheReportersFollowUp() {
    String reporter = "zhangwei";
    String firstResponder = "zhengkai";
    Answer reported = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.REPAIR + "/start", reporter,
        ValidStarts.body(ProcessKeys.REPAIR, "SOD-BX-" + UUID.randomUUID()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    String repair = reported.json().path("id").asText();
    cases.claimAndComplete(firstResponder, cases.task(repair, "Task_DispatchRepair"), OpenTasks.restValues(Map.of(
        "dispatchMode", typed("technician", "String"), "technician", typed("hejun", "String"))));
    Task work = cases.task(repair, "Task_RepairWork");
    assertThat(work.getAssignee()).isEqualTo("hejun");
    assertCompletes(work, "hejun", completion("Task_RepairWork"));
    runJobs(repair);
    Task followUp = cases.task(repair, "Task_ConfirmRepair");
    assertThat(followUp.getAssignee()).isEqualTo(reporter);

    // the technician has no right on the reporter's task: the engine's authorization refuses, naming him
    assertRefused(followUp, () -> claim(followUp, "hejun"), 403, "hejun");
    assertRefused(followUp, () -> complete(followUp, "hejun", completion("Task_ConfirmRepair")), 403, "hejun");
    // whoever may reassign it (the first responder as owner, an administrator) cannot hand it to him
    String onlyTheReporter = "回访确认只能由报修人 zhangwei 本人完成，不能转给 hejun / the follow-up belongs to the reporter zhangwei";
    assertRefused(followUp, () -> assign(followUp, firstResponder, "hejun"), 400, onlyTheReporter);
    assertRefused(followUp, () -> assign(followUp, SingleGroupUsers.ADMIN, "hejun"), 400, onlyTheReporter);
    // nor confirm on the reporter's behalf, also not by naming themselves the reporter
    assertRefused(followUp, () -> complete(followUp, firstResponder, completion("Task_ConfirmRepair")), 400,
        "only the reporter zhangwei may confirm the repair, not zhengkai");
    assertRefused(followUp, () -> complete(followUp, firstResponder, withChanged("Task_ConfirmRepair",
        "reporterId", typed(firstResponder, "String"))), 400, "it may not change reporterId");
    // and the reporter cannot rewrite what the case recorded either (here: no damage was reported)
    assertRefused(followUp, () -> complete(followUp, reporter, withChanged("Task_ConfirmRepair",
        "damageReported", typed(true, "Boolean"))), 400, "it may not change damageReported");

    assertCompletes(followUp, reporter, completion("Task_ConfirmRepair"));
    assertThat(cases.task(repair, "Task_CloseCase").getAssignee()).isEqualTo(firstResponder);
  }

  /** Files a purchase request through REST as {@code requester}; the instance id. */
  private String file(String requester, String items) {
    Map<String, Object> variables = new LinkedHashMap<>(ValidStarts.variables(ProcessKeys.PROCUREMENT));
    variables.put("items", typed(items, "Json"));
    Answer started = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.PROCUREMENT + "/start",
        requester, TestHttp.json(Map.of("businessKey", "SOD-" + UUID.randomUUID(), "variables", variables)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  private static Map<String, Object> withChanged(String taskKey, String variable, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>(completion(taskKey));
    variables.put(variable, value);
    return variables;
  }

  private Answer claim(Task task, String user) {
    return http.postJson("/engine-rest/task/" + task.getId() + "/claim", user, TestHttp.json(Map.of("userId", user)));
  }

  private Answer assign(Task task, String caller, String assignee) {
    return http.postJson("/engine-rest/task/" + task.getId() + "/assignee", caller,
        TestHttp.json(Map.of("userId", assignee)));
  }

  private Answer complete(Task task, String user, Map<String, Object> variables) {
    return http.postJson("/engine-rest/task/" + task.getId() + "/complete", user,
        TestHttp.json(Map.of("variables", variables)));
  }

  /** The action is refused with the status and a message; the task and everything else stay as they were. */
  private void assertRefused(Task task, Supplier<Answer> action, int status, String message) {
    Snapshot.State before = snapshot.of(task.getId());
    Answer answer = action.get();
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.message()).as(answer.body()).contains(message);
    assertThat(snapshot.of(task.getId())).as("nothing changed").isEqualTo(before);
  }

  private void assertCompletes(Task task, String user, Map<String, Object> variables) {
    Answer answer = complete(task, user, variables);
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  private void runJobs(String processInstanceId) {
    engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
