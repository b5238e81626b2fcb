package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.ESCALATIONS;

import edu.campus.logistics.cases.DeployedDecisions;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.identity.CampusGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Escalation 升级 of an overdue approval: the group the ladder names (decision
 * {@value #DECISION} in procurement-approval.dmn: general-affairs → principal → school-committee,
 * the school committee's overdue items go to the principal) may now decide the task too, it gets
 * top priority, and the escalation is recorded in {@code escalations} for the metrics.
 */
@Component("escalateApproval")
public class EscalateApproval implements JavaDelegate {

  static final String DECISION = "procurement-escalation";
  static final int ESCALATED_PRIORITY = 100;

  private final TaskService taskService;

  public EscalateApproval(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = OpenApprovalTask.of(execution, taskService);
    if (task == null) {
      return;
    }
    String level = (String) execution.getVariable(APPROVAL_LEVEL);
    CampusGroup target = escalationTarget(execution, level);
    taskService.addCandidateGroup(task.getId(), target.id());
    taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
    ProcurementCase procurement = ProcurementCase.of(execution);
    procurement.append(ESCALATIONS, Escalation.of(level, 1, target.id(), procurement.approvalRound(),
        ClockUtil.getCurrentTime().toInstant().toString(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant().toString()));
  }

  /** The group the ladder deployed with this process names for an overdue level; a known group or the step stops. */
  static CampusGroup escalationTarget(DelegateExecution execution, String level) {
    Object target = DeployedDecisions.evaluate(execution.getProcessEngineServices(), execution.getProcessDefinitionId(),
        DECISION, Variables.createVariables().putValue(APPROVAL_LEVEL, level)).getSingleEntry();
    return CampusGroup.byId(target == null ? null : target.toString()).orElseThrow(() -> new ProcessEngineException(
        "decision table " + DECISION + " names no known group for the overdue level " + level + ": " + target));
  }
}
