package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.REMINDERS;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reminder 催办 before an approval falls due: the task moves up in the Tasklist (higher priority)
 * and the reminder is recorded in {@code reminders}.
 */
@Component("remindApprover")
public class RemindApprover implements JavaDelegate {

  static final int REMINDED_PRIORITY = 75;

  private final TaskService taskService;

  public RemindApprover(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = OpenApprovalTask.of(execution, taskService);
    if (task == null) {
      return;
    }
    taskService.setPriority(task.getId(), Math.max(task.getPriority(), REMINDED_PRIORITY));
    ProcurementCase procurement = ProcurementCase.of(execution);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("round", procurement.approvalRound());
    entry.put("level", execution.getVariable(APPROVAL_LEVEL));
    entry.put("taskId", task.getId());
    entry.put("assignee", task.getAssignee());
    entry.put("remindedAt", ClockUtil.getCurrentTime().toInstant().toString());
    procurement.append(REMINDERS, entry);
  }
}
