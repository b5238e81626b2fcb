package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The approval task a timer of the approval loop belongs to (the loop is sequential: one at a time). */
final class OpenApprovalTask {

  private OpenApprovalTask() {
  }

  static Task of(DelegateExecution execution, TaskService taskService) {
    return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(APPROVE_REQUEST).singleResult();
  }
}
