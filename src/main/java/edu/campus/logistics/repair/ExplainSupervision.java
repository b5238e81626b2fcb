package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.ESCALATION_INDEX;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_REASON;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_USER;

import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.duty.DutySupervision;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_SuperviseRepair (督办): the supervisor sees why — which deadline was missed,
 * at which level — and the task remembers which escalation it handles. An escalation to the roster's
 * duty leader goes to that person (candidate user) instead of a group.
 */
@Component("explainSupervision")
public class ExplainSupervision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Escalation> escalations = SlaEscalation.read(task);
    int index = escalations.size() - 1;
    Escalation escalation = escalations.get(index);
    String reason = SlaStage.byId(escalation.stage()).reason() + "（" + (escalation.level() == 1 ? "一级督办" : "二级督办") + "）";
    task.setVariableLocal(ESCALATION_INDEX, index);
    task.setVariableLocal(SUPERVISION_REASON, reason);
    task.setDescription(reason);
    DutySupervision.offerToDutyLeader(task, escalation.group(), task.getVariable(SUPERVISION_USER));
  }
}
