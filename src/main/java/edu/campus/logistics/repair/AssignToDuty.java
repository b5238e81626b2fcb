package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.DUTY_LEADER;
import static edu.campus.logistics.repair.RepairVariables.DUTY_OFFICER;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;

import edu.campus.logistics.duty.DutyOffers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 24 小时全天候服务, create listener of Task_DispatchRepair: an urgent report outside working hours is
 * offered to the roster's duty officer in person ({@link DutyOffers}); the queue stays. Whoever takes
 * it (claims it) becomes first responder as always ({@link RecordFirstResponder}); the duty leader is
 * recorded for the first level of supervision ({@link SlaEscalation}). A reopened case goes back to
 * its first responder and is left alone.
 */
@Component("assignToDuty")
public class AssignToDuty implements TaskListener {

  private final DutyOffers duty;

  public AssignToDuty(DutyOffers duty) {
    this.duty = duty;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(FIRST_RESPONDER) != null || !"urgent".equals(task.getVariable(URGENCY))) {
      return;
    }
    duty.offer(task, officer -> true).ifPresent(onDuty -> {
      task.getExecution().getProcessInstance().setVariable(DUTY_OFFICER, onDuty.officer());
      task.getExecution().getProcessInstance().setVariable(DUTY_LEADER, onDuty.leader());
    });
  }
}
