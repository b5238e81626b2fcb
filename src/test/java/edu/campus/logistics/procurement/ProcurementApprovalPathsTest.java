package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.END_REJECTED;
import static edu.campus.logistics.procurement.ProcurementActivities.END_STOCKED;
import static edu.campus.logistics.procurement.ProcurementActivities.END_WITHDRAWN;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_REJECTION;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static edu.campus.logistics.procurement.ProcurementActivities.REVISE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.TIMER_ESCALATE_APPROVAL;
import static edu.campus.logistics.procurement.ProcurementActivities.TIMER_REMIND_APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request and approval paths: one level, three levels, reject at each level, revise, withdraw, escalation. */
class ProcurementApprovalPathsTest extends ProcurementTestSupport {

  private static final String A4_SPEC = "A4 70g 500张/包 5包/箱";

  @Test
  void smallAmountNeedsOneApprovalAndEndsInStock() {
    BigDecimal before = balance("复印纸", A4_SPEC);
    int entriesBefore = ledger.entries("OFF-A4").size();
    ProcessInstance request = start("zhangwei", List.of(line("复印纸", A4_SPEC, "office", "箱", "5", "120")));

    assertThat(request).isWaitingAt(APPROVE_REQUEST);
    assertThat(variable(request, "totalAmount")).isEqualTo(600.0);
    assertThat(variable(request, "requesterId")).isEqualTo("zhangwei");
    assertThat(variable(request, "approvalLevels")).isEqualTo(List.of("general-affairs"));
    assertThat(variable(request, "quotesRequired")).isEqualTo(false);
    assertThat(candidateGroups(task(request, APPROVE_REQUEST))).containsExactly("general-affairs");

    approve(request, "wangfang");
    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    assertThat(variable(request, "approvedAmount")).isEqualTo(600.0);
    complete(request, PURCHASE_GOODS, "zhaolei", purchase(request, 0, "118"));
    inspect(request, "sunli", "accepted", null);
    store(request, "总务仓库");
    runStockingJob(request);

    assertThat(request).isWaitingAt(READ_STOCK_NOTICE);
    assertThat(task(request, READ_STOCK_NOTICE).getAssignee()).isEqualTo("zhangwei");
    assertThat(balance("复印纸", A4_SPEC)).isEqualByComparingTo(before.add(new BigDecimal("5")));
    List<LedgerEntry> entries = ledger.entries("OFF-A4");
    assertThat(entries).hasSize(entriesBefore + 1);
    LedgerEntry receipt = entries.get(entries.size() - 1);
    assertThat(receipt.quantity()).isEqualByComparingTo("5");
    assertThat(receipt.unitCost()).isEqualByComparingTo("118");
    assertThat(receipt.actor()).isEqualTo("wuxiaohong");
    assertThat(receipt.voucherKey()).isEqualTo(variable(request, "stockVoucher"));
    assertThat(json(request, "assetTags")).isEmpty();

    complete(request, READ_STOCK_NOTICE, "zhangwei", Map.of());
    assertThat(request).isEnded().hasPassed(END_STOCKED);
    assertThat(endState(request)).as("the history's end activity names the end state").isEqualTo("stocked");
  }

  @Test
  void largeAmountGoesThroughThreeLevelsAndNeedsThreeQuotes() {
    ProcessInstance request = start("zhangwei", List.of(
        uniqueLine("多媒体一体机", "equipment", "台", "3", "8000")));
    assertThat(variable(request, "approvalLevels")).isEqualTo(List.of("general-affairs", "principal", "school-committee"));
    assertThat(variable(request, "quotesRequired")).isEqualTo(true);

    approve(request, "wangfang");
    assertThat(candidateGroups(task(request, APPROVE_REQUEST))).containsExactly("principal");
    assertThat(request).hasNotPassed(PURCHASE_GOODS);
    approve(request, "lijianguo");
    assertThat(candidateGroups(task(request, APPROVE_REQUEST))).containsExactly("school-committee");
    approve(request, "chenjing");

    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    JsonNode approvals = json(request, "approvals");
    assertThat(approvals).hasSize(3);
    assertThat(approvals.get(0).get("level").asText()).isEqualTo("general-affairs");
    assertThat(approvals.get(1).get("userId").asText()).isEqualTo("lijianguo");
    assertThat(approvals.get(2).get("level").asText()).isEqualTo("school-committee");

    Map<String, Object> twoQuotes = purchase(request, 2, "7900");
    assertThatThrownBy(() -> complete(request, PURCHASE_GOODS, "zhaolei", twoQuotes))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("至少3家供应商报价")
        .hasMessageContaining("at least 3 suppliers");
    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    complete(request, PURCHASE_GOODS, "zhaolei", purchase(request, 3, "7900"));
    assertThat(request).isWaitingAt(ProcurementActivities.INSPECT_GOODS);
    assertThat(json(request, "quotes")).hasSize(3);
  }

  @ParameterizedTest(name = "rejected at level {0}")
  @ValueSource(ints = {0, 1, 2})
  void rejectionAtAnyLevelEndsTheRequestAndTellsTheRequesterWhy(int level) {
    String[] approvers = {"wangfang", "lijianguo", "chenjing"};
    ProcessInstance request = start("liuyang", List.of(uniqueLine("课桌椅", "furniture", "套", "100", "250")));
    for (int i = 0; i < level; i++) {
      approve(request, approvers[i]);
    }
    Map<String, Object> noReason = new HashMap<>();
    noReason.put("decision", "reject");
    assertThatThrownBy(() -> complete(request, APPROVE_REQUEST, approvers[level], noReason))
        .hasMessageContaining("理由必填");

    decide(request, approvers[level], "reject", "预算已用完，下学期再议");

    assertThat(request).isWaitingAt(READ_REJECTION);
    assertThat(task(request, READ_REJECTION).getAssignee()).isEqualTo("liuyang");
    assertThat(variable(request, "comment")).isEqualTo("预算已用完，下学期再议");
    assertThat(json(request, "approvals")).hasSize(level + 1);
    // the requester reads the lines and decisions in words: names, not codes
    Task rejection = task(request, READ_REJECTION);
    String shown = taskService.getVariableLocal(rejection.getId(), ProcurementVariables.APPROVALS_SHOWN).toString();
    String[] names = {"王芳", "李建国", "陈静"};
    String[] levels = {"总务主任", "校长", "校务会"};
    assertThat(shown).contains("驳回", "预算已用完，下学期再议", names[level], levels[level])
        .doesNotContain("\"reject\"", approvers[level], "general-affairs");
    assertThat(taskService.getVariableLocal(rejection.getId(), ProcurementVariables.ITEMS_SHOWN).toString())
        .contains("家具").doesNotContain("furniture");
    complete(request, READ_REJECTION, "liuyang", Map.of());
    assertThat(request).isEnded().hasPassed(END_REJECTED).hasNotPassed(PURCHASE_GOODS);
    assertThat(endState(request)).as("the history's end activity names the end state").isEqualTo("rejected");
  }

  @Test
  void revisedRequestIsResubmittedAndApprovedFromTheFirstLevel() {
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("白板", "equipment", "块", "10", "300")));
    assertThat(variable(request, "approvalLevels")).isEqualTo(List.of("general-affairs", "principal"));
    decide(request, "wangfang", "revise", "数量太多，请减到5块");

    assertThat(request).isWaitingAt(REVISE_REQUEST);
    assertThat(task(request, REVISE_REQUEST).getAssignee()).isEqualTo("zhangwei");
    assertThat(taskService.getVariableLocal(task(request, REVISE_REQUEST).getId(), ProcurementVariables.APPROVALS_SHOWN)
        .toString()).contains("退回修改", "王芳", "总务主任").doesNotContain("wangfang");
    Map<String, Object> revised = request(List.of(uniqueLine("白板", "equipment", "块", "5", "300")));
    revised.put("requesterAction", "resubmit");
    complete(request, REVISE_REQUEST, "zhangwei", revised);

    assertThat(request).isWaitingAt(APPROVE_REQUEST);
    assertThat(variable(request, "totalAmount")).isEqualTo(1500.0);
    assertThat(variable(request, "approvalRound")).isEqualTo(2);
    assertThat(variable(request, "approvalLevels")).isEqualTo(List.of("general-affairs"));
    assertThat(variable(request, "decision")).as("the new round starts undecided").isNull();
    approve(request, "wangfang");
    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    assertThat(variable(request, "approvedAmount")).isEqualTo(1500.0);
    assertThat(json(request, "approvals")).hasSize(2);
  }

  @Test
  void requesterMayWithdrawARequestReturnedForRevision() {
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("打印机", "equipment", "台", "1", "1800")));
    decide(request, "wangfang", "revise", "请说明用途");
    complete(request, REVISE_REQUEST, "zhangwei", Map.of("requesterAction", "withdraw"));
    assertThat(request).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(PURCHASE_GOODS);
    assertThat(endState(request)).as("the history's end activity names the end state").isEqualTo("withdrawn");
  }

  @Test
  void overdueApprovalIsRemindedThenEscalatedToTheNextLevel() {
    Date now = new Date();
    ClockUtil.setCurrentTime(now);
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("档案柜", "furniture", "个", "2", "600")));
    Task approval = task(request, APPROVE_REQUEST);
    assertThat(approval.getDueDate()).isEqualTo(new Date(now.getTime() + 3L * 24 * 3600 * 1000));

    ClockUtil.setCurrentTime(new Date(now.getTime() + 2L * 24 * 3600 * 1000 + 60_000));
    Job remind = managementService.createJobQuery().processInstanceId(request.getId())
        .activityId(TIMER_REMIND_APPROVER).singleResult();
    managementService.executeJob(remind.getId());
    assertThat(task(request, APPROVE_REQUEST).getPriority()).isEqualTo(RemindApprover.REMINDED_PRIORITY);
    assertThat(json(request, "reminders")).hasSize(1);
    assertThat(candidateGroups(task(request, APPROVE_REQUEST))).containsExactly("general-affairs");

    ClockUtil.setCurrentTime(new Date(now.getTime() + 3L * 24 * 3600 * 1000 + 60_000));
    Job escalate = managementService.createJobQuery().processInstanceId(request.getId())
        .activityId(TIMER_ESCALATE_APPROVAL).singleResult();
    managementService.executeJob(escalate.getId());

    assertThat(request).isWaitingAt(APPROVE_REQUEST);
    assertThat(candidateGroups(task(request, APPROVE_REQUEST))).containsExactlyInAnyOrder("general-affairs", "principal");
    JsonNode escalations = json(request, "escalations");
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).get("stage").asText()).isEqualTo("general-affairs");
    assertThat(escalations.get(0).get("group").asText()).isEqualTo("principal");

    approve(request, "lijianguo");
    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    assertThat(json(request, "approvals").get(0).get("userId").asText()).isEqualTo("lijianguo");
  }

  /** How the request ended, as metrics and exports read it: from the end event in the history, no variable. */
  private String endState(ProcessInstance instance) {
    String endActivityId = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getEndActivityId();
    return ProcurementActivities.endState(endActivityId);
  }
}
