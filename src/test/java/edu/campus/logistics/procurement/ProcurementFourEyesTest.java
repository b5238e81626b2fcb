package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Four-eyes 四眼原则 in the engine: refused on claim (REST answers 400 with the reason) and on
 * completion, even when the user is in the right group.
 */
class ProcurementFourEyesTest extends ProcurementTestSupport {

  @Autowired
  private TestRestTemplate rest;

  @Test
  void principalCannotApproveTheirOwnRequest() {
    ProcessInstance request = start("lijianguo", List.of(uniqueLine("校长办公桌", "furniture", "张", "1", "3000")));
    approve(request, "wangfang");
    Task principalLevel = task(request, APPROVE_REQUEST);
    assertThat(candidateGroups(principalLevel)).containsExactly("principal");

    ResponseEntity<Map> claim = rest.withBasicAuth("lijianguo", "lijianguo").postForEntity(
        "/engine-rest/task/{id}/claim", Map.of("userId", "lijianguo"), Map.class, principalLevel.getId());
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) claim.getBody().get("message")).contains("四眼原则：申请人不能审批自己的采购申请")
        .contains("may not approve their own purchase request");
    assertThat(task(request, APPROVE_REQUEST).getAssignee()).isNull();

    assertThatThrownBy(() -> cases.as("lijianguo", () -> taskService.complete(principalLevel.getId(),
        Map.of("decision", "approve", "comment", "同意"))))
        .hasMessageContaining("四眼原则");
    assertThat(request).isWaitingAt(APPROVE_REQUEST);
  }

  @Test
  void buyerCannotBuyForTheirOwnRequest() {
    ProcessInstance request = start("zhaolei", List.of(uniqueLine("计算器", "office", "个", "5", "60")));
    approve(request, "wangfang");
    Task purchase = task(request, PURCHASE_GOODS);
    assertThatThrownBy(() -> cases.as("zhaolei", () -> taskService.claim(purchase.getId(), "zhaolei")))
        .hasMessageContaining("申请人不能采购自己的采购申请");
    purchase(request, "zhouqiang", "58");
    assertThat(request).isWaitingAt(INSPECT_GOODS);
  }

  @Test
  void buyerCannotInspectTheirOwnOrderEvenAsInspector() {
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("订书机", "office", "个", "10", "25")));
    approve(request, "wangfang");
    purchase(request, "zhouqiang", "24");
    Task inspection = task(request, INSPECT_GOODS);

    ResponseEntity<Map> claim = rest.withBasicAuth("zhouqiang", "zhouqiang").postForEntity(
        "/engine-rest/task/{id}/claim", Map.of("userId", "zhouqiang"), Map.class, inspection.getId());
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) claim.getBody().get("message")).contains("采购员不能验收自己经办的订单");

    taskService.claim(inspection.getId(), "sunli");
    assertThatThrownBy(() -> cases.as("zhouqiang", () -> taskService.complete(inspection.getId(),
        Map.of("inspectionResult", "accepted"))))
        .hasMessageContaining("采购员不能验收自己经办的订单");
    inspect(request, "sunli", "accepted", null);
    assertThat(request).isWaitingAt(ProcurementActivities.CONFIRM_STORAGE);
    assertThat(variable(request, "inspectorId")).isEqualTo("sunli");
  }

  @Test
  void requesterCannotInspectTheirOwnGoods() {
    ProcessInstance request = start("sunli", List.of(uniqueLine("档案盒", "office", "个", "50", "8")));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "8");
    Task inspection = task(request, INSPECT_GOODS);
    assertThatThrownBy(() -> cases.as("sunli", () -> taskService.claim(inspection.getId(), "sunli")))
        .hasMessageContaining("申请人不能验收自己的采购申请");
    assertThatThrownBy(() -> taskService.setAssignee(inspection.getId(), "sunli"))
        .as("assigned by someone else").hasMessageContaining("申请人不能验收自己的采购申请");
    inspect(request, "zhouqiang", "accepted", null);
    assertThat(request).isWaitingAt(ProcurementActivities.CONFIRM_STORAGE);
  }
}
