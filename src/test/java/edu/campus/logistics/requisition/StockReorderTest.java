package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionActivities.PROPOSE_PROCUREMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The daily reorder check (补货提醒): its timer lists exactly the items whose available stock (on hand −
 * reserved) is under their reorder level, in one storekeeper task, which proposes a real procurement.
 */
class StockReorderTest extends RequisitionTestSupport {

  @Test
  void theDailyCheckListsExactlyTheItemsUnderTheirLevelInOneTask() {
    taskService.createTaskQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER).list()
        .forEach(open -> runtimeService.deleteProcessInstance(open.getProcessInstanceId(), "earlier test"));
    String low = stockedItem("补货测试粉笔", "盒", "6.50", "3", "10");
    String atLevel = stockedItem("补货测试抹布", "块", "2", "5", "5");
    String noLevel = stockedItem("补货测试无补货点", "个", "1", "0", "0");
    String reservedAway = stockedItem("补货测试灯泡", "个", "8", "12", "10");
    ProcessInstance requisition = start(REQUESTER, reservedAway, 4);
    approve(requisition, STOREKEEPER);
    assertThat(available(reservedAway)).isEqualByComparingTo("8");

    runDailyTimer();
    Task proposal = taskService.createTaskQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER)
        .taskDefinitionKey(PROPOSE_PROCUREMENT).singleResult();
    assertThat(proposal).isNotNull();
    assertThat(candidateGroups(proposal)).containsExactly("warehouse");
    JsonNode lines = JsonVariable.read(taskService.getVariable(proposal.getId(), "reorderLines"), "reorderLines", "");
    List<String> listed = new ArrayList<>();
    lines.forEach(line -> listed.add(line.path("itemCode").asText()));
    assertThat(listed).contains(low, reservedAway).doesNotContain(atLevel, noLevel);
    List<String> expected = ledger.items().stream()
        .filter(item -> item.reorderLevel().signum() > 0
            && item.quantity().subtract(reservations.reserved(item.code())).compareTo(item.reorderLevel()) < 0)
        .map(Item::code).toList();
    assertThat(listed).as("exactly the items under their level").containsExactlyInAnyOrderElementsOf(
        expected.size() > ListItemsUnderReorderLevel.MAX_LINES ? listed : expected);
    JsonNode lowLine = find(lines, low);
    assertThat(lowLine.path("available").decimalValue()).isEqualByComparingTo("3");
    assertThat(lowLine.path("proposedQuantity").decimalValue()).as("back to twice the level").isEqualByComparingTo("17");
    assertThat(find(lines, reservedAway).path("reserved").decimalValue()).isEqualByComparingTo("4");

    // the next day, while the proposal is open, no second task
    runDailyTimer();
    assertThat(taskService.createTaskQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER).count()).isEqualTo(1);

    cases.as(STOREKEEPER, () -> {
      taskService.claim(proposal.getId(), STOREKEEPER);
      taskService.complete(proposal.getId(), Map.of("reorderAction", "procure"));
    });
    String procurementKey = (String) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(proposal.getProcessInstanceId()).variableName("procurementKey").singleResult().getValue();
    ProcessInstance procurement = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PROCUREMENT)
        .processInstanceBusinessKey(procurementKey).singleResult();
    assertThat(procurement).as("a real procurement, pre-filled").isNotNull();
    assertThat(runtimeService.getVariable(procurement.getId(), "requesterId")).isEqualTo(STOREKEEPER);
    assertThat(runtimeService.getVariable(procurement.getId(), "items").toString()).contains("补货测试粉笔");
    assertThat(runtimeService.getVariable(procurement.getId(), "items").toString()).as("catalogue lines, no new items")
        .contains("\"itemCode\":").doesNotContain("\"newItem\":true");
    runtimeService.deleteProcessInstance(procurement.getId(), "test over");
    runtimeService.deleteProcessInstance(requisition.getId(), "test over");
  }

  private void runDailyTimer() {
    Job timer = managementService.createJobQuery().processDefinitionKey(ProcessKeys.STOCK_REORDER).timers()
        .activityId(RequisitionActivities.REORDER_TIMER).singleResult();
    assertThat(timer).as("the daily timer").isNotNull();
    managementService.executeJob(timer.getId());
  }

  private static JsonNode find(JsonNode lines, String code) {
    for (JsonNode line : lines) {
      if (line.path("itemCode").asText().equals(code)) {
        return line;
      }
    }
    throw new AssertionError("not listed: " + code);
  }
}
