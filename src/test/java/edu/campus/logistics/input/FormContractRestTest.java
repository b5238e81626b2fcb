package edu.campus.logistics.input;

import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static edu.campus.logistics.identity.ProcessKeys.REPAIR;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.LedgerService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The form contract ({@link edu.campus.logistics.cases.FormContract}) as an offending user meets
 * it: what the deployed form says a field accepts is enforced on the server, through each REST door
 * that submits a form — {@code task/{id}/complete}, {@code task/{id}/submit-form} (what Tasklist
 * calls) and {@code process-definition/key/{key}/submit-form} — with a Chinese reason that names the
 * field by its form label, and nothing changes. A form deployed with a new field or option is
 * enforced without any Java.
 */
@CampusTest
class FormContractRestTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  @BeforeEach
  void users() {
    SingleGroupUsers.ensure(processEngine.getIdentityService());
  }

  /** A task completion that breaks the task form's contract in one way, and the reason expected. */
  static Stream<Arguments> taskRefusals() {
    Stream<Object[]> cases = Stream.of(
        refusal("Task_WaitForParts", "配件安排说明必填 / partsNote is required", "partsNote", null),
        refusal("Task_WaitForParts", "配件安排说明最多500个字 / partsNote is longer than 500 characters",
            "partsNote", typed("长".repeat(501), "String")),
        refusal("Task_WaitForParts", "配件安排说明必须是文本", "partsNote", typed(42, "Integer")),
        // only the technicians the server offered
        refusal("Task_DispatchRepair", "维修工取值无效：" + OpenTasks.REPORTER, "technician", typed(OpenTasks.REPORTER, "String")),
        // and the offer is not the caller's to rewrite, neither on the case (complete) nor on the task (submit-form)
        refusal("Task_DispatchRepair", "it may not change technicianOptions", "technician", typed(OpenTasks.REPORTER, "String"),
            "technicianOptions", typed("[{\"label\":\"张伟\",\"value\":\"" + OpenTasks.REPORTER + "\"}]", "Json")),
        refusal("Task_RepairWork", "所用库存配件第1行：数量必须是数字 / partsUsed line 1: quantity must be a number",
            "partsUsed", typed("[{\"itemCode\":\"ELE-T8TUBE\",\"quantity\":\"两个\"}]", "Json")),
        refusal("Task_RepairWork", "损坏原因取值无效：vandals", "cause", typed("vandals", "String")),
        refusal(PURCHASE_GOODS, "订单号最多50个字", "orderNo", typed("P".repeat(51), "String")),
        refusal(PURCHASE_GOODS, "供应商报价第1行：备注最多200个字", "quotes", typed("[{\"supplier\":\"晨光文具公司\","
            + "\"amount\":13,\"note\":\"" + "注".repeat(201) + "\"}]", "Json")),
        refusal("Task_ConfirmRepair", "满意度取值无效：7", "satisfaction", typed(7, "Integer")));
    return cases.flatMap(c -> Stream.of("complete", "submit-form").map(door -> Arguments.of(
        c[0] + " " + ((Map<?, ?>) c[2]).keySet() + " via " + door, door, c[0], c[2], c[1])));
  }

  /** The task, the reason, and the changes to its valid completion: name, REST value (null: left out), … */
  private static Object[] refusal(String taskKey, String reason, Object... changes) {
    Map<String, Object> changed = new LinkedHashMap<>();
    for (int i = 0; i < changes.length; i += 2) {
      changed.put((String) changes[i], changes[i + 1]);
    }
    return new Object[] {taskKey, reason, changed};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskRefusals")
  void aTaskFormIsCheckedByItsContractAndNothingChanges(String name, String door, String taskKey,
                                                        Map<String, Object> changes, String reason) {
    OpenTasks cases = new OpenTasks(processEngine);
    Task task = cases.openAt(taskKey);
    String actor = task.getAssignee() != null ? task.getAssignee() : OpenTasks.actor(taskKey);
    if (task.getAssignee() == null) {
      cases.claim(actor, task);
    }
    Map<String, Object> variables = new LinkedHashMap<>(OpenTasks.completion(taskKey));
    changes.forEach((variable, value) -> {
      if (value == null) {
        variables.remove(variable);
      } else {
        variables.put(variable, value);
      }
    });
    Snapshot snapshot = new Snapshot(processEngine, ledger, assets);
    Snapshot.State before = snapshot.of(task.getId());

    Answer answer = new TestHttp(port).postJson("/engine-rest/task/" + task.getId() + "/" + door, actor,
        TestHttp.json(Map.of("variables", variables)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).as(answer.body()).contains(reason).contains(" / ");
    assertThat(snapshot.of(task.getId())).as("nothing changed").isEqualTo(before);
  }

  /** A start form submission (what Tasklist's start dialog calls) that breaks the start form's contract. */
  static Stream<Arguments> startRefusals() {
    return Stream.of(
        Arguments.of("asset tag not a tag", REPAIR, "assetTag", typed("ZC12-1", "String"), "资产编号格式不正确"),
        Arguments.of("location too long", REPAIR, "location", typed("楼".repeat(101), "String"), "报修地点最多100个字"),
        Arguments.of("urgency not offered", REPAIR, "urgency", typed("asap", "String"), "紧急程度取值无效：asap"),
        Arguments.of("blank description", REPAIR, "description", typed("   ", "String"), "故障描述必填"),
        Arguments.of("item unit too long", PROCUREMENT, "items", typed("[{\"newItem\":true,\"name\":\"无尘粉笔\",\"category\":\"office\","
            + "\"unit\":\"" + "盒".repeat(17) + "\",\"quantity\":2,\"unitPrice\":6.5}]", "Json"), "采购明细第1行：单位最多16个字"),
        Arguments.of("item without category", PROCUREMENT, "items", typed("[{\"newItem\":true,\"name\":\"无尘粉笔\",\"unit\":\"盒\","
            + "\"quantity\":2,\"unitPrice\":6.5}]", "Json"), "采购明细第1行：类别必填"),
        Arguments.of("item price above the form's maximum", PROCUREMENT, "items", typed("[{\"newItem\":true,\"name\":\"无尘粉笔\","
            + "\"category\":\"office\",\"unit\":\"盒\",\"quantity\":2,\"unitPrice\":2000000}]", "Json"),
            "采购明细第1行：预估单价不能大于1000000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startRefusals")
  void aStartFormIsCheckedByItsContractAndNoCaseIsCreated(String name, String processKey, String variable,
                                                          Map<String, Object> value, String reason) {
    Map<String, Object> variables = new LinkedHashMap<>(ValidStarts.variables(processKey));
    variables.put(variable, value);
    Snapshot snapshot = new Snapshot(processEngine, ledger, assets);
    Snapshot.State before = snapshot.of(null);

    Answer answer = new TestHttp(port).postJson("/engine-rest/process-definition/key/" + processKey + "/submit-form",
        OpenTasks.REQUESTER, TestHttp.json(Map.of("variables", variables)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).as(answer.body()).contains(reason).contains(" / ");
    assertThat(snapshot.of(null)).as("nothing changed").isEqualTo(before);
  }

  @Test
  void aFieldHiddenByItsConditionIsNotRequired() {
    OpenTasks cases = new OpenTasks(processEngine);
    Task dispatch = cases.openAt("Task_DispatchRepair");
    cases.claim(OpenTasks.FIRST_RESPONDER, dispatch);
    // the technician select is hidden for a contractor: required only when shown
    Answer answer = new TestHttp(port).postJson("/engine-rest/task/" + dispatch.getId() + "/submit-form",
        OpenTasks.FIRST_RESPONDER, TestHttp.json(Map.of("variables", Map.of(
            "dispatchMode", typed("contractor", "String"), "contractor", typed("  华联维修公司  ", "String")))));

    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(processEngine.getRuntimeService().getVariable(dispatch.getProcessInstanceId(), "contractor"))
        .as("stored trimmed").isEqualTo("华联维修公司");
  }

  @Test
  void aFieldOrOptionAddedToAFormIsEnforcedWithoutJava() {
    RepositoryService repository = processEngine.getRepositoryService();
    BpmnModelInstance model = Bpmn.createExecutableProcess("contract-probe").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe").camundaFormRef("contract-probe-start").camundaFormRefBinding("deployment")
        .userTask("Task_Probe").camundaFormRef("contract-probe-task").camundaFormRefBinding("deployment").endEvent("EndEvent_Probe").done();
    Deployment deployment = repository.createDeployment().name("contract-probe")
        .addModelInstance("contract-probe.bpmn", model)
        .addString("contract-probe-start.form", """
            {"id": "contract-probe-start", "type": "default", "components": [
              {"type": "textfield", "key": "room", "label": "房间号（如 A101）",
               "validate": {"required": true, "validationType": "custom", "pattern": "^[A-Z]\\\\d{3}$"}},
              {"type": "select", "key": "shift", "label": "班次",
               "values": [{"label": "早班", "value": "morning"}, {"label": "晚班", "value": "evening"}]}]}""")
        .addString("contract-probe-task.form", """
            {"id": "contract-probe-task", "type": "default", "components": [
              {"type": "number", "key": "headcount", "label": "人数", "validate": {"required": true, "min": 1, "max": 40}},
              {"type": "dynamiclist", "path": "visitors", "label": "来访人员", "components": [
                {"type": "textfield", "key": "name", "label": "姓名", "validate": {"required": true, "maxLength": 10}}]}]}""")
        .deploy();
    try {
      var runtime = processEngine.getRuntimeService();
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("contract-probe", Map.of("shift", "morning")))
          .isInstanceOf(Refusal.class).hasMessageContaining("房间号必填");
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("contract-probe", Map.of("room", "a-101")))
          .hasMessageContaining("房间号格式不正确");
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("contract-probe", Map.of("room", "A101", "shift", "noon")))
          .hasMessageContaining("班次取值无效：noon");
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("contract-probe").count()).isZero();

      ProcessInstance probe = runtime.startProcessInstanceByKey("contract-probe", Map.of("room", "A101", "shift", "evening"));
      Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(probe.getId()).singleResult();
      var tasks = processEngine.getTaskService();
      assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("headcount", 41)))
          .hasMessageContaining("人数不能大于40");
      assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("headcount", 3,
          "visitors", List.of(Map.of("name", "王小明"), Map.of("name", " ")))))
          .hasMessageContaining("来访人员第2行：姓名必填");
      tasks.complete(task.getId(), Map.of("headcount", 3, "visitors", List.of(Map.of("name", "王小明"))));
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(probe.getId()).count()).isZero();
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
