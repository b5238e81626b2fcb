package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVED_AMOUNT;
import static edu.campus.logistics.procurement.ProcurementVariables.COMMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.DECISION;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.identity.CampusGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * One approval level (审批): names the task after its level and starts it with an empty decision;
 * shows the request in words ({@link ApprovalView}); on completion checks the decision (a comment is required to reject or return) and records it in
 * {@code approvals}. The last level's approval fixes {@code approvedAmount}.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

  private static final String APPROVE = "approve";

  private final ApprovalView view;

  public ApprovalTaskListener(ApprovalView view) {
    this.view = view;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String level = (String) task.getVariable(APPROVAL_LEVEL);
      task.setName(task.getName() + "（" + CampusGroup.byId(level).map(CampusGroup::displayName).orElse(level) + "）");
      task.getExecution().removeVariable(DECISION);
      task.getExecution().removeVariable(COMMENT);
      view.show(task);
      return;
    }
    String decision = String.valueOf(task.getVariable(DECISION));
    String comment = Values.text(task, COMMENT);
    // reject and revise must say why
    if (!APPROVE.equals(decision) && comment == null) {
      throw Refusal.of("选择“%s”时必须填写理由".formatted(FormContract.ofTask(task).optionLabel(DECISION, decision)),
          "a comment is required to %s".formatted(decision));
    }
    ProcurementCase procurement = ProcurementCase.of(task);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("round", procurement.approvalRound());
    entry.put("level", task.getVariable(APPROVAL_LEVEL));
    entry.put("decision", decision);
    entry.put("comment", comment);
    entry.put("userId", Actor.of(task));
    entry.put("amount", procurement.totalAmount());
    entry.put("createdAt", task.getCreateTime().toInstant().toString());
    entry.put("decidedAt", ClockUtil.getCurrentTime().toInstant().toString());
    procurement.append(APPROVALS, entry);
    if (APPROVE.equals(decision) && isLastLevel(task)) {
      procurement.setMoney(APPROVED_AMOUNT, procurement.totalAmount());
    }
  }

  private static boolean isLastLevel(DelegateTask task) {
    Number counter = (Number) task.getVariable("loopCounter");
    Number instances = (Number) task.getVariable("nrOfInstances");
    return counter.intValue() == instances.intValue() - 1;
  }
}
