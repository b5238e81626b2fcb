package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVED_AMOUNT;
import static edu.campus.logistics.procurement.ProcurementVariables.COMMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.DECISION;

import edu.campus.logistics.identity.CampusGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * One approval level (审批): names the task after its level and starts it with an empty decision;
 * on completion checks the decision (a comment is required to reject or return) and records it in
 * {@code approvals}. The last level's approval fixes {@code approvedAmount}.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  private final IdentityService identityService;

  public ApprovalTaskListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String level = (String) task.getVariable(APPROVAL_LEVEL);
      task.setName(task.getName() + "（" + CampusGroup.byId(level).map(CampusGroup::displayName).orElse(level) + "）");
      task.getExecution().removeVariable(DECISION);
      task.getExecution().removeVariable(COMMENT);
      return;
    }
    Decision decision = Choice.parse(Decision.class, task.getVariable(DECISION), DECISION, "审批意见");
    String comment = RequestChecks.optionalText(task, COMMENT, "审批说明", MAX_COMMENT);
    if (decision.needsComment() && comment == null) {
      throw Refusal.of("选择“%s”时必须填写理由".formatted(decision.label()),
          "a comment is required to %s".formatted(decision.id()));
    }
    ProcurementCase procurement = ProcurementCase.of(task);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("round", procurement.approvalRound());
    entry.put("level", task.getVariable(APPROVAL_LEVEL));
    entry.put("decision", decision.id());
    entry.put("comment", comment);
    entry.put("userId", Actors.completing(task, identityService));
    entry.put("amount", procurement.totalAmount());
    entry.put("createdAt", task.getCreateTime().toInstant().toString());
    entry.put("decidedAt", ClockUtil.getCurrentTime().toInstant().toString());
    procurement.append(APPROVALS, entry);
    if (decision == Decision.APPROVE && isLastLevel(task)) {
      procurement.setMoney(APPROVED_AMOUNT, procurement.totalAmount());
    }
  }

  private static boolean isLastLevel(DelegateTask task) {
    Number counter = (Number) task.getVariable("loopCounter");
    Number instances = (Number) task.getVariable("nrOfInstances");
    return counter.intValue() == instances.intValue() - 1;
  }
}
