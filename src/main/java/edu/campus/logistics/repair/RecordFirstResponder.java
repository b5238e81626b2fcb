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

  public RecordFirstResponder(People people) {
    this.people = people;
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
    // the owner of the tasks created from now on is set by CaseOwnership; this one exists already
    task.setOwner(assignee);
    LOG.info("Repair {}: first responder {}", task.getProcessInstanceId(), assignee);
  }
}
