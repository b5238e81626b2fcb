package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Actor;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four-eyes principle 四眼原则, enforced in the engine on assignment (claim, delegate, set assignee)
 * and on completion: the requester never approves, buys or inspects their own request, and the
 * buyer never inspects their own order. Group membership alone does not prevent it (the principal
 * may file a request; a buyer may also be an inspector).
 */
@Component("fourEyesGuard")
public class FourEyesGuard implements TaskListener {

  /** What the requester may not do, per task. */
  private static final Map<String, String[]> REQUESTER_MAY_NOT = Map.of(
      APPROVE_REQUEST, new String[] {"审批", "approve"},
      PURCHASE_GOODS, new String[] {"采购", "buy for"},
      INSPECT_GOODS, new String[] {"验收", "inspect"});

  @Override
  public void notify(DelegateTask task) {
    Set<String> actors = Actor.involved(task);
    ProcurementCase procurement = ProcurementCase.of(task);
    for (String actor : actors) {
      check(task.getTaskDefinitionKey(), actor, procurement);
    }
  }

  private static void check(String taskKey, String actor, ProcurementCase procurement) {
    String[] forbidden = REQUESTER_MAY_NOT.get(taskKey);
    if (forbidden != null && Objects.equals(actor, procurement.requesterId())) {
      throw Refusal.of("四眼原则：申请人不能%s自己的采购申请（%s）".formatted(forbidden[0], actor),
          "four-eyes principle: the requester %s may not %s their own purchase request".formatted(actor, forbidden[1]));
    }
    if (INSPECT_GOODS.equals(taskKey) && Objects.equals(actor, procurement.buyerId())) {
      throw Refusal.of("四眼原则：采购员不能验收自己经办的订单（%s）".formatted(actor),
          "four-eyes principle: the buyer %s may not inspect their own order".formatted(actor));
    }
  }
}
