package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.COMMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.DECISION;

import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * One approval level opened (审批, on create): the task is named after its level, e.g.
 * 审批采购申请（校长）, starts with no decision and no comment, so that a level never inherits the
 * previous level's answer, and shows the request in words ({@link ApprovalView}).
 * {@link RecordApproval} records the decision.
 */
@Component("prepareApproval")
public class PrepareApproval implements TaskListener {

  private final ApprovalView view;

  public PrepareApproval(ApprovalView view) {
    this.view = view;
  }

  @Override
  public void notify(DelegateTask task) {
    String level = (String) task.getVariable(APPROVAL_LEVEL);
    task.setName(task.getName() + "（" + CampusGroup.byId(level).map(CampusGroup::displayName).orElse(level) + "）");
    task.getExecution().removeVariable(DECISION);
    task.getExecution().removeVariable(COMMENT);
    view.show(task);
  }
}
