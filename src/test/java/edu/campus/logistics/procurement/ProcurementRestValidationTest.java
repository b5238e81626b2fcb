package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a REST client (or the Tasklist) gets for bad input: 400 with a reason in Chinese and
 * English, and no instance or step is created.
 */
class ProcurementRestValidationTest extends ProcurementTestSupport {

  private static final String START = "/engine-rest/process-definition/key/procurement/start";

  @Autowired
  private TestRestTemplate rest;

  private static Map<String, Object> lineJson(Object quantity, Object unitPrice, String category) {
    Map<String, Object> line = new HashMap<>();
    line.put("newItem", true);
    line.put("name", "复印纸");
    line.put("spec", "A4 70g 500张/包 5包/箱");
    line.put("category", category);
    line.put("unit", "箱");
    line.put("quantity", quantity);
    line.put("unitPrice", unitPrice);
    return line;
  }

  /** The start body as the lead's foundation test and REST clients send it: items as a JSON string. */
  private static Map<String, Object> body(String department, String reason, String neededBy, String items) {
    Map<String, Object> variables = new HashMap<>();
    if (department != null) {
      variables.put("department", Map.of("value", department, "type", "String"));
    }
    variables.put("reason", Map.of("value", reason, "type", "String"));
    variables.put("neededBy", Map.of("value", neededBy, "type", "String"));
    variables.put("items", Map.of("value", items, "type", "String"));
    variables.put("requesterId", Map.of("value", "zhangwei", "type", "String"));
    return Map.of("variables", variables);
  }

  private static String future() {
    return LocalDate.now().plusDays(10).toString();
  }

  private ResponseEntity<Map> startAs(Map<String, Object> body) {
    return rest.withBasicAuth("zhangwei", "zhangwei").postForEntity(START, body, Map.class);
  }

  @Test
  void validStartWithItemsAsJsonStringWaitsForApprovalWithItsForm() {
    ResponseEntity<Map> started = startAs(body("语文组", "期中考试印卷", future(),
        toJson(List.of(lineJson(5, 120, "office")))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = (String) started.getBody().get("id");
    Task task = taskService.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(APPROVE_REQUEST);
    assertThat(runtimeService.getVariable(id, "totalAmount")).isEqualTo(600.0);
    assertThat(runtimeService.getVariableTyped(id, "items").getType().getName()).isEqualTo("json");

    ResponseEntity<Map> form = rest.withBasicAuth("wangfang", "wangfang")
        .getForEntity("/engine-rest/task/{id}/deployed-form", Map.class, task.getId());
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get("id")).isEqualTo("procurement-approve");
  }

  @Test
  void tasklistStartFormSubmissionWithJsonItemsIsAccepted() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("department", Map.of("value", "数学组"));
    variables.put("reason", Map.of("value", "教具"));
    variables.put("neededBy", Map.of("value", future()));
    variables.put("items", Map.of("type", "Json", "value", toJson(List.of(lineJson(2, 99.5, "office")))));
    variables.put("requesterId", Map.of("value", "liuyang"));
    ResponseEntity<Map> started = rest.withBasicAuth("liuyang", "liuyang").postForEntity(
        "/engine-rest/process-definition/key/procurement/submit-form", Map.of("variables", variables), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.getVariable((String) started.getBody().get("id"), "totalAmount")).isEqualTo(199.0);
  }

  static List<Arguments> badStarts() {
    String good = toJson(List.of(lineJson(5, 120, "office")));
    return List.of(
        Arguments.of("missing department", body(null, "事由", future(), good), "申请部门必填"),
        Arguments.of("quantity zero", body("语文组", "事由", future(), toJson(List.of(lineJson(0, 120, "office")))),
            "items line 1: quantity must be at least 0.001"),
        Arguments.of("negative quantity", body("语文组", "事由", future(), toJson(List.of(lineJson(-3, 120, "office")))),
            "采购明细第1行：数量不能小于0.001"),
        Arguments.of("absurd price", body("语文组", "事由", future(), toJson(List.of(lineJson(1, 50000000, "office")))),
            "unitPrice must be at most 1000000"),
        Arguments.of("unknown category", body("语文组", "事由", future(), toJson(List.of(lineJson(1, 10, "weapons")))),
            "采购明细第1行：类别取值无效：weapons"),
        Arguments.of("quantity as text", body("语文组", "事由", future(), toJson(List.of(lineJson("many", 10, "office")))),
            "quantity must be a number"),
        Arguments.of("oversize reason", body("语文组", "长".repeat(501), future(), good), "reason is longer than 500"),
        Arguments.of("malformed items", body("语文组", "事由", future(), "[{\"name\": \"复印纸\""), "items is not valid JSON"),
        Arguments.of("no lines", body("语文组", "事由", future(), "[]"), "items needs at least one line"),
        Arguments.of("unknown item code", body("语文组", "事由", future(),
            "[{\"itemCode\":\"NO-SUCH-ITEM\",\"quantity\":1,\"unitPrice\":5}]"),
            "采购明细第1行：物品目录中没有编码为“NO-SUCH-ITEM”的物品"),
        Arguments.of("catalogue item twice", body("语文组", "事由", future(),
            "[{\"itemCode\":\"OFF-A4\",\"quantity\":1,\"unitPrice\":5},{\"itemCode\":\"OFF-A4\",\"quantity\":2,\"unitPrice\":5}]"),
            "与第1行重复，请合并为一行"),
        Arguments.of("neither item code nor new item", body("语文组", "事由", future(),
            "[{\"name\":\"复印纸\",\"unit\":\"箱\",\"category\":\"office\",\"quantity\":1,\"unitPrice\":5}]"),
            "采购明细第1行：物品编码必填"),
        Arguments.of("past date", body("语文组", "事由", "2020-01-01", good), "需用日期不能早于今天"),
        Arguments.of("bad date", body("语文组", "事由", "next week", good), "需用日期格式不正确"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStarts")
  void badStartIsRefusedWith400AndCreatesNothing(String name, Map<String, Object> body, String reason) {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("procurement").count();
    ResponseEntity<Map> response = startAs(body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains(reason).contains(" / ");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("procurement").count()).isEqualTo(before);
  }

  @Test
  void badDecisionIsRefusedWith400AndTheTaskStaysOpen() {
    ResponseEntity<Map> started = startAs(body("语文组", "事由", future(), toJson(List.of(lineJson(2, 100, "office")))));
    String id = (String) started.getBody().get("id");
    Task task = taskService.createTaskQuery().processInstanceId(id).singleResult();
    TestRestTemplate wangfang = rest.withBasicAuth("wangfang", "wangfang");
    wangfang.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "wangfang"), Void.class, task.getId());

    ResponseEntity<Map> maybe = wangfang.postForEntity("/engine-rest/task/{id}/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "maybe"))), Map.class, task.getId());
    assertThat(maybe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) maybe.getBody().get("message")).contains("审批意见取值无效：maybe / decision must be one of approve, reject, revise");

    ResponseEntity<Map> silentRevise = wangfang.postForEntity("/engine-rest/task/{id}/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "revise"))), Map.class, task.getId());
    assertThat(silentRevise.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) silentRevise.getBody().get("message")).contains("驳回或退回修改的理由必填 / comment is required");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }
}
