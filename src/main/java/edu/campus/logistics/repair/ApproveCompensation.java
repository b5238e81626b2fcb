package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.CompensationVariables.APPROVAL;
import static edu.campus.logistics.repair.CompensationVariables.APPROVALS;
import static edu.campus.logistics.repair.CompensationVariables.APPROVAL_COMMENT;
import static edu.campus.logistics.repair.CompensationVariables.APPROVE;
import static edu.campus.logistics.repair.CompensationVariables.APPROVED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ApproveCompensation (审批赔偿): the logistics head approves, or returns with a comment for reassessment. */
@Component("approveCompensation")
public class ApproveCompensation implements TaskListener {

  private final People people;

  public ApproveCompensation(People people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = Inputs.oneOf(task, APPROVAL, "审批意见", APPROVALS);
    String comment = Inputs.optionalText(task, APPROVAL_COMMENT, "审批说明", 500);
    if (!APPROVE.equals(decision) && comment == null) {
      throw Inputs.refuse("退回重新核定须说明理由 / returning the assessment needs a comment");
    }
    task.setVariable(APPROVED_BY, APPROVE.equals(decision)
        ? people.actor(task) : null);
  }
}
