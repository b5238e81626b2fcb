package edu.campus.logistics.input;

import static edu.campus.logistics.OpenTasks.completion;
import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.STOCK_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.Reconciliation.Finding;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import edu.campus.logistics.procurement.ReceiptsWithinOrders;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The doors the separation-of-duties issue found open, each tried as the offender would: through
 * {@code /engine-rest} with HTTP Basic, through Tasklist's own API with a webapp login, and as a Java
 * caller. Each attempt is refused with a reason and nothing moves (instances, tasks, variables,
 * ledger, asset cards); then the right person does the step and the case goes on.
 */
class DoorsRestTest extends CaseDoors {

  @Autowired
  ReceiptsWithinOrders receiptsWithinOrders;
  @Autowired
  TransactionTemplate transaction;

  @Test
  void requesterCannotRewriteWhoRequestedAndThenApproveTheirOwnRequest() {
    String principal = "lijianguo";
    ProcessInstance request = cases.fileRequest(principal, OpenTasks.LARGE_ORDER);
    cases.claimAndComplete(SingleGroupUsers.of("general-affairs"), cases.task(request, APPROVE_REQUEST),
        OpenTasks.restValues(completion(APPROVE_REQUEST)));
    Task principalLevel = cases.task(request, APPROVE_REQUEST);
    Map<String, Object> forged = with(completion(APPROVE_REQUEST), "requesterId", typed("zhangwei", "String"));

    assertRefused(principalLevel, () -> post(principalLevel, "/resolve", principal, Map.of("variables", forged)), 403,
        "无权以“解决委托”方式结束任务");
    assertRefused(principalLevel, () -> http.send("PUT", "/engine-rest/process-instance/" + request.getId()
        + "/variables/requesterId", principal, principal, "application/json", TestHttp.json(typed("zhangwei", "String"))),
        403, "无权直接修改流程变量");
    assertRefused(principalLevel, () -> post(principalLevel, "/complete", principal, Map.of("variables",
        completion(APPROVE_REQUEST))), 400, "四眼原则：申请人不能审批自己的采购申请（lijianguo）");
    assertThat(engine.getRuntimeService().getVariable(request.getId(), "requesterId")).isEqualTo(principal);

    assertCompletes(principalLevel, SingleGroupUsers.of("principal"), completion(APPROVE_REQUEST));
    assertThat(cases.task(request, PURCHASE_GOODS)).isNotNull();
  }

  @Test
  void buyerCannotRaiseTheApprovedAmountNorDropTheQuotes() {
    Task purchase = cases.procurementAt(PURCHASE_GOODS, OpenTasks.REQUESTER, OpenTasks.LARGE_ORDER);
    String buyer = OpenTasks.BUYER;
    Object approved = engine.getRuntimeService().getVariable(purchase.getProcessInstanceId(), "approvedAmount");
    Map<String, Object> raise = Map.of("approvedAmount", typed(360000, "Double"), "quotesRequired", typed(false, "Boolean"));

    assertRefused(purchase, () -> post(purchase, "/resolve", buyer, Map.of("variables", raise)), 403, "reserved to camunda-admin");
    assertRefused(purchase, () -> http.postJson("/engine-rest/process-instance/" + purchase.getProcessInstanceId()
        + "/variables", buyer, TestHttp.json(Map.of("modifications", raise))), 403, "set, change or remove process variables");
    assertRefused(purchase, () -> http.postJson("/engine-rest/execution/" + purchase.getExecutionId() + "/localVariables",
        buyer, TestHttp.json(Map.of("modifications", raise))), 403, "set, change or remove process variables");
    assertRefused(purchase, () -> post(purchase, "/complete", buyer, Map.of("variables",
        with(completion(PURCHASE_GOODS), "approvedAmount", typed(360000, "Double")))), 400, "it may not change approvedAmount");
    assertThat(engine.getRuntimeService().getVariable(purchase.getProcessInstanceId(), "approvedAmount")).isEqualTo(approved);
    assertThat(engine.getRuntimeService().getVariable(purchase.getProcessInstanceId(), "quotesRequired")).isEqualTo(true);
  }

  @Test
  void buyerCannotRenameTheBuyerAndInspectTheirOwnOrder() {
    ProcessInstance request = cases.fileRequest(OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    cases.claimAndComplete(SingleGroupUsers.of("general-affairs"), cases.task(request, APPROVE_REQUEST),
        OpenTasks.restValues(completion(APPROVE_REQUEST)));
    cases.claimAndComplete("zhouqiang", cases.task(request, PURCHASE_GOODS), OpenTasks.restValues(completion(PURCHASE_GOODS)));
    Task inspection = cases.task(request, INSPECT_GOODS);
    Map<String, Object> rename = Map.of("buyerId", typed("zhaolei", "String"));

    assertRefused(inspection, () -> post(inspection, "/resolve", "zhouqiang", Map.of("variables", rename)), 403, "无权");
    assertRefused(inspection, () -> http.send("PUT", "/engine-rest/task/" + inspection.getId() + "/variables/buyerId",
        "zhouqiang", "zhouqiang", "application/json", TestHttp.json(typed("zhaolei", "String"))), 403, "无权直接修改流程变量");
    assertRefused(inspection, () -> post(inspection, "/complete", "zhouqiang", Map.of("variables",
        completion(INSPECT_GOODS))), 400, "四眼原则：采购员不能验收自己经办的订单（zhouqiang）");

    assertCompletes(inspection, "sunli", completion(INSPECT_GOODS));
  }

  @Test
  void storekeeperCannotReceiveMoreThanWasAcceptedAndReconciliationWouldSeeIt() {
    Task storage = cases.procurementAt(CONFIRM_STORAGE, OpenTasks.REQUESTER, OpenTasks.LARGE_ORDER);
    String storekeeper = OpenTasks.STOREKEEPER;
    String inflated = "[{\"accepted\":500}]";
    Map<String, Object> more = Map.of("acceptedQuantities", typed(inflated, "Json"));

    assertRefused(storage, () -> post(storage, "/resolve", storekeeper, Map.of("variables", more)), 403, "无权");
    assertRefused(storage, () -> post(storage, "/complete", storekeeper, Map.of("variables",
        with(completion(CONFIRM_STORAGE), "acceptedQuantities", typed(inflated, "Json")))), 400,
        "it may not change acceptedQuantities");

    assertCompletes(storage, storekeeper, completion(CONFIRM_STORAGE));
    cases.executeJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(storage.getProcessInstanceId()).singleResult());
    String bench = ledger.items().stream().filter(item -> item.name().equals("实验台")).findFirst().orElseThrow().code();
    BigDecimal received = ledger.entries(bench).stream().filter(entry -> storage.getProcessInstanceId()
        .equals(entry.processInstanceId())).map(entry -> entry.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(received).as("two benches ordered, two received").isEqualByComparingTo("2");
    assertThat(receiptsWithinOrders.findings()).extracting(Finding::reference)
        .noneMatch(reference -> reference.startsWith(storage.getProcessInstanceId()));

    // had 498 more benches been posted to this case anyway, reconciliation would name the case (tried, then rolled back)
    List<Finding> findings = transaction.execute(status -> {
      ledger.receive(new Voucher("forged:" + UUID.randomUUID(), storage.getProcessInstanceId(), "CG-FORGED", STOCK_GOODS,
          storekeeper), List.of(StockLine.of(bench, new BigDecimal("498"), new BigDecimal("3000"))));
      assets.register(Voucher.manual("no-receipt:" + UUID.randomUUID(), storekeeper), new NewAssets(1, bench, 1,
          new BigDecimal("3000"), "仓库", storekeeper, LocalDate.now()));
      List<Finding> found = new ArrayList<>(receiptsWithinOrders.findings());
      found.addAll(ledger.reconcile().findings());
      status.setRollbackOnly();
      return found;
    });
    assertThat(findings).extracting(Finding::check).contains("receipts-within-orders", "assets-from-receipts");
    assertThat(findings).filteredOn(finding -> finding.check().equals("receipts-within-orders"))
        .extracting(Finding::message).anyMatch(message -> message.contains("入库 500 超过申购数量 2"));
  }

  @Test
  void startsTakeOnlyTheStartFormsFields() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    String key = "DOOR-BX-" + UUID.randomUUID();
    Map<String, Object> body = new LinkedHashMap<>(ValidStarts.variables(ProcessKeys.REPAIR));
    body.put("partsUsed", typed("[{\"itemCode\":\"PLB-VALVE\",\"quantity\":20}]", "Json"));
    body.put("technician", typed("hejun", "String"));
    body.put("dispatchedAt", typed("2020-01-01T08:00:00.000+0800", "Date"));
    Answer rest = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.REPAIR + "/start", "zhangwei",
        TestHttp.json(Map.of("businessKey", key, "variables", body)));
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.message()).contains("发起流程时只能填写申请表上的字段", "dispatchedAt, partsUsed, technician");

    WebappSession tasklist = http.webapp();
    tasklist.login("tasklist", "zhangwei", "zhangwei");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.REPAIR).latestVersion().singleResult().getId();
    Answer submitted = tasklist.post("/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form",
        "application/json", TestHttp.json(Map.of("businessKey", key, "variables", body)), true);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
    assertThat(submitted.message()).contains("it may not set dispatchedAt, partsUsed, technician");

    assertThatThrownBy(() -> cases.as("zhangwei", () -> engine.getRuntimeService().startProcessInstanceByKey(
        ProcessKeys.REPAIR, key, Map.of("location", "实验楼", "category", "plumbing", "description", "漏水",
            "urgency", "normal", "technician", "hejun")))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("it may not set technician");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("no case started").isEqualTo(before);

    Answer honest = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.REPAIR + "/start", "zhangwei",
        ValidStarts.body(ProcessKeys.REPAIR, key));
    assertThat(honest.status()).as(honest.body()).isEqualTo(200);
  }

  @Test
  void claimingForSomebodyElseIsAReassignmentNobodyButTheOwnerMayDo() {
    Answer reported = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.REPAIR + "/start", "zhangwei",
        ValidStarts.body(ProcessKeys.REPAIR, "DOOR-BX-" + UUID.randomUUID()));
    Task report = cases.task(reported.json().path("id").asText(), "Task_DispatchRepair");

    assertRefused(report, () -> post(report, "/claim", "zhengkai", Map.of("userId", "fengxue")), 403,
        "把任务转给他人只限系统管理员和本案负责人");
    // the repair's own rule speaks first where it is more specific
    assertRefused(report, () -> post(report, "/claim", "zhengkai", Map.of("userId", "nobody-at-all")), 400,
        "报修须由后勤人员受理，nobody-at-all 不是后勤人员");
    assertRefused(report, () -> post(report, "/assignee", "zhengkai", Map.of("userId", "fengxue")), 403, "TASK_ASSIGN");
    assertThat(engine.getRuntimeService().getVariable(report.getProcessInstanceId(), "firstResponder")).isNull();

    assertThat(post(report, "/claim", "zhengkai", Map.of("userId", "zhengkai")).status()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(report.getProcessInstanceId(), "firstResponder")).isEqualTo("zhengkai");
    // the first responder owns the case: he may hand his task to a colleague of the queue, never to a stranger
    assertRefused(report, () -> post(report, "/assignee", "zhengkai", Map.of("userId", "hejun")), 403,
        "只能转给它的候选人，hejun 不是");
    assertThat(post(report, "/assignee", "zhengkai", Map.of("userId", "fengxue")).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).singleResult().getOwner()).isEqualTo("zhengkai");
    assertRefused(report, () -> http.postJson("/engine-rest/task/" + report.getId() + "/identity-links", "zhengkai",
        TestHttp.json(Map.of("groupId", "technicians", "type", "candidate"))), 403, "无权更改任务的候选人或候选组");
  }

  @Test
  void tasklistsOwnApiMeetsTheSameRules() {
    Task approval = cases.procurementAt(APPROVE_REQUEST, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String approver = SingleGroupUsers.of("general-affairs");
    WebappSession tasklist = http.webapp();
    assertThat(tasklist.login("tasklist", approver, approver).status()).isEqualTo(200);
    String task = "/camunda/api/engine/engine/default/task/" + approval.getId();

    assertRefused(approval, () -> tasklist.post(task + "/resolve", "application/json",
        TestHttp.json(Map.of("variables", completion(APPROVE_REQUEST))), true), 403, "无权以“解决委托”方式结束任务");
    assertRefused(approval, () -> tasklist.post(task + "/bpmnError", "application/json",
        TestHttp.json(Map.of("errorCode", "Error_StockShortage")), true), 403, "无权从任务抛出流程错误");
    assertRefused(approval, () -> tasklist.send("PUT", task + "/variables/requesterId", "application/json",
        TestHttp.json(typed(approver, "String"))), 403, "无权直接修改流程变量");
    assertRefused(approval, () -> tasklist.post(task + "/claim", "application/json",
        TestHttp.json(Map.of("userId", "wangfang")), true), 403, "把任务转给他人只限系统管理员和本案负责人");
    assertRefused(approval, () -> tasklist.post(task + "/submit-form", "application/json", TestHttp.json(Map.of(
        "variables", with(completion(APPROVE_REQUEST), "requesterId", typed(approver, "String")))), true), 400,
        "it may not change requesterId");
    assertRefused(approval, () -> tasklist.post(task + "/submit-form", "application/json", TestHttp.json(Map.of(
        "variables", Map.of("decision", typed("reject", "String")))), true), 400, "驳回");

    Answer claimed = tasklist.post(task + "/claim", "application/json", TestHttp.json(Map.of("userId", approver)), true);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    Answer done = tasklist.post(task + "/submit-form", "application/json",
        TestHttp.json(Map.of("variables", completion(APPROVE_REQUEST))), true);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  @Test
  void javaCallersMeetTheSameRules() {
    Task approval = cases.procurementAt(APPROVE_REQUEST, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String approver = SingleGroupUsers.of("general-affairs");
    Snapshot.State before = snapshot.of(approval.getId());
    var tasks = engine.getTaskService();
    var runtime = engine.getRuntimeService();
    for (Runnable door : List.<Runnable>of(
        () -> tasks.resolveTask(approval.getId(), Map.of("decision", "approve")),
        () -> tasks.handleBpmnError(approval.getId(), "Error_StockShortage"),
        () -> tasks.handleEscalation(approval.getId(), "Escalation_SlaBreach"),
        () -> tasks.setVariable(approval.getId(), "requesterId", approver),
        () -> runtime.setVariable(approval.getProcessInstanceId(), "totalAmount", 1.0),
        () -> runtime.removeVariable(approval.getProcessInstanceId(), "approvals"),
        () -> tasks.setOwner(approval.getId(), approver),
        () -> tasks.delegateTask(approval.getId(), approver),
        () -> tasks.addCandidateGroup(approval.getId(), "staff"),
        () -> tasks.createAttachment("url", approval.getId(), null, "照片", "", "javascript:alert(1)"))) {
      assertThatThrownBy(() -> cases.as(approver, () -> {
        door.run();
        return null;
      })).isInstanceOf(AuthorizationException.class).hasMessageContaining(approver);
    }
    assertThat(snapshot.of(approval.getId())).isEqualTo(before);
  }

  @Test
  void attachmentsAreOffAndLargeBodiesRefused() {
    Task approval = cases.procurementAt(APPROVE_REQUEST, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String boundary = "----campus" + UUID.randomUUID();
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n照片\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\njavascript:alert(1)\r\n--" + boundary + "--\r\n";
    for (String user : List.of(SingleGroupUsers.of("general-affairs"), SingleGroupUsers.ADMIN)) {
      Answer attached = http.send("POST", "/engine-rest/task/" + approval.getId() + "/attachment/create", user, user,
          "multipart/form-data; boundary=" + boundary, multipart);
      assertThat(attached.status()).as(attached.body()).isEqualTo(403);
      assertThat(attached.message()).contains("本系统不使用附件");
    }
    Answer huge = http.send("POST", "/engine-rest/task/" + approval.getId() + "/complete", SingleGroupUsers.ADMIN,
        SingleGroupUsers.ADMIN, "application/json", "{\"variables\":{\"x\":{\"value\":\"" + "x".repeat(11 * 1024 * 1024)
            + "\"}}}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.message()).contains("请求内容过大");
    assertThat(engine.getTaskService().getTaskAttachments(approval.getId())).isEmpty();
  }

  @Test
  void aTaskClaimedByOneColleagueIsNeitherClaimedNorCompletedByAnother() {
    Task approval = cases.procurementAt(APPROVE_REQUEST, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String approver = SingleGroupUsers.of("general-affairs");
    assertThat(post(approval, "/claim", approver, Map.of("userId", approver)).status()).isEqualTo(204);

    assertRefused(approval, () -> post(approval, "/claim", "wangfang", Map.of("userId", "wangfang")), 409,
        "is already claimed by someone else");
    assertRefused(approval, () -> post(approval, "/complete", "wangfang", Map.of("variables",
        completion(APPROVE_REQUEST))), 403, "已由 " + approver + " 认领，只有其本人能办理");
    assertCompletes(approval, approver, completion(APPROVE_REQUEST));
    assertRefused(approval, () -> post(approval, "/complete", approver, Map.of("variables",
        completion(APPROVE_REQUEST))), 404, "Cannot find task with id " + approval.getId());
  }

  @Test
  void objectVariablesOfClassesOutsideTheApplicationAreNeverDeserialized() {
    Task approval = cases.procurementAt(APPROVE_REQUEST, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String path = "/engine-rest/process-instance/" + approval.getProcessInstanceId() + "/variables/evidence";
    Map<String, Object> file = new LinkedHashMap<>(typed("\"/etc/passwd\"", "Object"));
    file.put("valueInfo", Map.of("serializationDataFormat", "application/json", "objectTypeName", "java.io.File"));
    // only an administrator may set a variable directly at all
    assertThat(http.send("PUT", path, SingleGroupUsers.ADMIN, SingleGroupUsers.ADMIN, "application/json",
        TestHttp.json(file)).status()).isEqualTo(204);

    Answer read = http.get(path, SingleGroupUsers.ADMIN);
    assertThat(read.status()).as(read.body()).isEqualTo(400);
    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(approval.getProcessInstanceId(), "evidence"))
        .hasStackTraceContaining("java.io.File");
    Answer serialized = http.get(path + "?deserializeValue=false", SingleGroupUsers.ADMIN);
    assertThat(serialized.status()).isEqualTo(200);
    engine.getRuntimeService().removeVariable(approval.getProcessInstanceId(), "evidence");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefusalIsLoggedAsARefusalNotAsAFault(CapturedOutput log) {
    Task approval = cases.procurementAt(APPROVE_REQUEST, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String approver = SingleGroupUsers.of("general-affairs");

    assertThat(post(approval, "/complete", approver, Map.of("variables", with(completion(APPROVE_REQUEST),
        "requesterId", typed(approver, "String")))).status()).isEqualTo(400);
    assertThat(post(approval, "/resolve", approver, Map.of()).status()).isEqualTo(403);

    assertThat(log.getOut()).contains("Refused with 400: 办理任务时只能填写本任务的字段", "Refused with 403: 用户 " + approver);
    assertThat(log.getOut()).as("no stack trace, no ERROR for a refusal").doesNotContain("ENGINE-16004", "ENGINE-03051");
  }

  private Answer post(Task task, String door, String user, Map<String, Object> body) {
    return http.postJson("/engine-rest/task/" + task.getId() + door, user, TestHttp.json(body));
  }

  private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(variables);
    changed.put(name, value);
    return changed;
  }

  private void assertRefused(Task task, Supplier<Answer> action, int status, String message) {
    Snapshot.State before = snapshot.of(task.getId());
    Answer answer = action.get();
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).as(answer.body()).contains(message);
    assertThat(snapshot.of(task.getId())).as("nothing changed").isEqualTo(before);
  }

  private void assertCompletes(Task task, String user, Map<String, Object> variables) {
    Answer answer = post(task, "/complete", user, Map.of("variables", variables));
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }
}
