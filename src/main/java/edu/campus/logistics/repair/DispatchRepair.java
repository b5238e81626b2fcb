package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.CONTRACTOR;
import static edu.campus.logistics.repair.RepairVariables.DISPATCHED_AT;
import static edu.campus.logistics.repair.RepairVariables.DISPATCH_MODE;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.REPAIR_ASSIGNEE;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_DispatchRepair (受理派工): checks the choice — a member of
 * {@code technicians} (offered by {@link OfferTechnicians}), or an outside contractor by name, whose
 * work the first responder then records — and names the assignee of Task_RepairWork.
 */
@Component("dispatchRepair")
public class DispatchRepair implements TaskListener {

  private final People people;

  public DispatchRepair(People people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    if ("technician".equals(task.getVariable(DISPATCH_MODE))) {
      String technician = Values.text(task, TECHNICIAN);
      if (!people.isMember(technician, CampusGroup.TECHNICIANS.id())) {
        throw Refusal.of(technician + " 不是维修工", technician + " is not in the technicians group");
      }
      task.setVariable(CONTRACTOR, null);
      task.setVariable(REPAIR_ASSIGNEE, technician);
    } else {
      task.setVariable(TECHNICIAN, null);
      task.setVariable(REPAIR_ASSIGNEE, task.getVariable(FIRST_RESPONDER));
    }
    if (task.getVariable(DISPATCHED_AT) == null) {
      task.setVariable(DISPATCHED_AT, ClockUtil.getCurrentTime());
    }
  }
}
