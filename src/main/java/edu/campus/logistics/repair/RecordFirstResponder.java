package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.RESPONDED_AT;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First-responder accountability (首问负责制), assignment listener of Task_DispatchRepair: the
 * logistics staff member who takes (claims) the report becomes {@code firstResponder} and owner of
 * the case's tasks. Recorded once: a later reassignment, delegation or escalation never moves it.
 */
@Component("recordFirstResponder")
public class RecordFirstResponder implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(RecordFirstResponder.class);

  private final People people;
  private final CaseOwnership ownership;

  public RecordFirstResponder(People people, CaseOwnership ownership) {
    this.people = people;
    this.ownership = ownership;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || task.getVariable(FIRST_RESPONDER) != null) {
      return;
    }
    if (!people.isMember(assignee, CampusGroup.LOGISTICS_STAFF.id())) {
      throw Refusal.of("报修须由后勤人员受理，" + assignee + " 不是后勤人员", "the first responder must be logistics staff: " + assignee);
    }
    task.setVariable(FIRST_RESPONDER, assignee);
    task.setVariable(RESPONDED_AT, ClockUtil.getCurrentTime());
    ownership.own(task, assignee);
    LOG.info("Repair {}: first responder {}", task.getProcessInstanceId(), assignee);
  }
}
