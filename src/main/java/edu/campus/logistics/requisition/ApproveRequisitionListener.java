package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.APPROVALS;
import static edu.campus.logistics.requisition.RequisitionVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.requisition.RequisitionVariables.COMMENT;
import static edu.campus.logistics.requisition.RequisitionVariables.DECISION;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import edu.campus.logistics.identity.CampusGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * One approval level of a requisition (审批领用): names the task after its level (主管审批复印 for the
 * supervisor) and starts it without a decision; on completion a reject needs a reason, and the
 * decision is recorded in {@code approvals}.
 */
@Component("approveRequisitionListener")
public class ApproveRequisitionListener implements TaskListener {

  static final String APPROVE = "approve";

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String level = (String) task.getVariable(APPROVAL_LEVEL);
      task.setName(task.getName() + "（" + CampusGroup.byId(level).map(CampusGroup::displayName).orElse(level) + "）");
      task.getExecution().removeVariable(DECISION);
      task.getExecution().removeVariable(COMMENT);
      return;
    }
    String decision = String.valueOf(task.getVariable(DECISION));
    String comment = Values.text(task, COMMENT);
    if (!APPROVE.equals(decision) && comment == null) {
      throw Refusal.of("选择“%s”时必须填写理由".formatted(FormContract.ofTask(task).optionLabel(DECISION, decision)),
          "a comment is required to %s".formatted(decision));
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("level", task.getVariable(APPROVAL_LEVEL));
    entry.put("decision", decision);
    entry.put("comment", comment);
    entry.put("userId", Actor.of(task));
    entry.put("decidedAt", ClockUtil.getCurrentTime().toInstant().toString());
    RequisitionCase.of(task).append(APPROVALS, entry);
  }
}
