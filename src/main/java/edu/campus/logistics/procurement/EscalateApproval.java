package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.ESCALATIONS;

import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.identity.CampusGroup;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Escalation 升级 of an overdue approval: the next level's group (general-affairs → principal →
 * school-committee; the school committee's overdue items go to the principal) may now decide the
 * task too, it gets top priority, and the escalation is recorded in {@code escalations} for the
 * metrics.
 */
@Component("escalateApproval")
public class EscalateApproval implements JavaDelegate {

  static final List<CampusGroup> HIERARCHY = List.of(CampusGroup.GENERAL_AFFAIRS, CampusGroup.PRINCIPAL,
      CampusGroup.SCHOOL_COMMITTEE);
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
    CampusGroup target = escalationTarget(level);
    taskService.addCandidateGroup(task.getId(), target.id());
    taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
    ProcurementCase procurement = ProcurementCase.of(execution);
    procurement.append(ESCALATIONS, Escalation.of(level, 1, target.id(), procurement.approvalRound(),
        ClockUtil.getCurrentTime().toInstant().toString(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant().toString()));
  }

  static CampusGroup escalationTarget(String level) {
    int index = HIERARCHY.indexOf(CampusGroup.byId(level).orElse(CampusGroup.PRINCIPAL));
    return index >= 0 && index + 1 < HIERARCHY.size() ? HIERARCHY.get(index + 1) : CampusGroup.PRINCIPAL;
  }
}
