package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionActivities.APPROVE_REQUISITION;
import static edu.campus.logistics.requisition.RequisitionActivities.ISSUE_GOODS;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Refusal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four-eyes principle 四眼原则 for requisitions, enforced in the engine on assignment (claim, set
 * assignee) and on completion: the requester never approves their own requisition, and the
 * storekeeper who issues is never the requester (a storekeeper who needs something asks a colleague).
 */
@Component("requisitionFourEyes")
public class RequisitionFourEyes implements TaskListener {

  private static final Map<String, String[]> REQUESTER_MAY_NOT = Map.of(
      APPROVE_REQUISITION, new String[] {"审批", "approve"},
      ISSUE_GOODS, new String[] {"发放", "issue"});

  @Override
  public void notify(DelegateTask task) {
    Set<String> actors = Actor.involved(task);
    String[] forbidden = REQUESTER_MAY_NOT.get(task.getTaskDefinitionKey());
    String requester = RequisitionCase.of(task).requesterId();
    for (String actor : actors) {
      if (forbidden != null && Objects.equals(actor, requester)) {
        throw Refusal.of("四眼原则：申请人不能%s自己的领用申请（%s）".formatted(forbidden[0], actor),
            "four-eyes principle: the requester %s may not %s their own requisition".formatted(actor, forbidden[1]));
      }
    }
  }
}
