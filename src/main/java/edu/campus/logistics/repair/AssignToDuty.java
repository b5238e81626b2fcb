package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.DUTY_LEADER;
import static edu.campus.logistics.repair.RepairVariables.DUTY_OFFICER;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;

import edu.campus.logistics.duty.Duty;
import edu.campus.logistics.duty.DutyRoster;
import edu.campus.logistics.identity.CampusGroup;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 24 小时全天候服务, create listener of Task_DispatchRepair: an urgent report outside working hours
 * does not only wait in the 后勤人员 queue for the morning — it goes straight to the duty officer of
 * the roster (duty-roster.dmn), in person (candidate user, their filter "我的值班任务"); the queue
 * stays, so a colleague who is at hand may still take it. Whoever takes it (claims it) becomes first
 * responder as always ({@link RecordFirstResponder}); the duty leader is recorded for the first
 * level of supervision ({@link SlaEscalation}). A reopened case goes back to its first responder
 * and is left alone; a roster naming someone outside 后勤人员 is not offered the report.
 */
@Component("assignToDuty")
public class AssignToDuty implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(AssignToDuty.class);

  private final People people;
  private final ZoneId zone;

  public AssignToDuty(People people, @Value("${campus.time-zone}") ZoneId zone) {
    this.people = people;
    this.zone = zone;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(FIRST_RESPONDER) != null || !"urgent".equals(task.getVariable(URGENCY))) {
      return;
    }
    DutyRoster roster = DutyRoster.of(task.getExecution(), zone);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (roster.isWorkingTime(now)) {
      return;
    }
    Duty duty = roster.dutyAt(now);
    if (!people.isMember(duty.officer(), CampusGroup.LOGISTICS_STAFF.id())) {
      LOG.warn("Repair {}: duty officer {} of the roster is not logistics staff; the urgent report stays in the queue",
          task.getProcessInstanceId(), duty.officer());
      return;
    }
    task.addCandidateUser(duty.officer());
    task.getExecution().getProcessInstance().setVariable(DUTY_OFFICER, duty.officer());
    task.getExecution().getProcessInstance().setVariable(DUTY_LEADER, duty.leader());
    LOG.info("Repair {}: urgent outside working hours, offered to duty officer {} (duty leader {})",
        task.getProcessInstanceId(), duty.officer(), duty.leader());
  }
}
