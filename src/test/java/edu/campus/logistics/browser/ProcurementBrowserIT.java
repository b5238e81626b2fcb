package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A purchase request travels from a teacher's start form to the general-affairs head's approval. */
@BrowserTest
class ProcurementBrowserIT {

  @Autowired
  private HistoryService historyService;

  @Test
  void staffRequestIsApprovedByGeneralAffairsInTasklist(Browser browser) {
    ProcurementSteps.PurchaseRequest request =
        new ProcurementSteps.PurchaseRequest("语文教研组", "期中考试试卷用复印纸 " + UUID.randomUUID().toString().substring(0, 8));

    TasklistPage requester = ProcurementSteps.requestPurchase(browser, "zhangwei", request);
    HistoricProcessInstance instance = instanceWithReason(request.reason());
    assertThat(instance.getStartUserId()).isEqualTo("zhangwei");
    assertThat(instance.getEndTime()).isNull();

    requester.openFilter(TasklistFilters.MY_GROUP_TASKS);
    browser.step("requester-group-tasks");
    assertThat(requester.taskNames(request.reason())).as("the requester never sees the approval").isEmpty();
    requester.logout();

    TaskPane approval = ProcurementSteps.openApproval(browser, "wangfang", request);
    assertThat(approval.assignee()).isEmpty();
    assertThat(approval.form().value(ProcurementSteps.REASON)).isEqualTo(request.reason());

    ProcurementSteps.approve(browser, approval);

    HistoricProcessInstance decided = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(decided.getEndActivityId()).isEqualTo("EndEvent_RequestDecided");
    assertThat(variable(instance.getId(), "decision")).isEqualTo("approve");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ApproveRequest").singleResult().getAssignee()).isEqualTo("wangfang");
  }

  private HistoricProcessInstance instanceWithReason(String reason) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .variableName("reason").variableValueEquals("reason", reason).singleResult();
    assertThat(variable).as("a procurement started with reason " + reason).isNotNull();
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(variable.getProcessInstanceId()).singleResult();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(ProcessKeys.PROCUREMENT);
    return instance;
  }

  private Object variable(String processInstanceId, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).singleResult().getValue();
  }
}
