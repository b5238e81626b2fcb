package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.CompensationVariables.APPROVAL;
import static edu.campus.logistics.repair.CompensationVariables.APPROVAL_COMMENT;
import static edu.campus.logistics.repair.CompensationVariables.APPROVED_BY;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Actor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ApproveCompensation (审批赔偿): the logistics head approves, or returns with a comment for reassessment. */
@Component("approveCompensation")
public class ApproveCompensation implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean approved = "approve".equals(task.getVariable(APPROVAL));
    if (!approved && Values.text(task, APPROVAL_COMMENT) == null) {
      throw Refusal.of("退回重新核定须说明理由", "returning the assessment needs a comment");
    }
    task.setVariable(APPROVED_BY, approved ? Actor.of(task) : null);
  }
}
