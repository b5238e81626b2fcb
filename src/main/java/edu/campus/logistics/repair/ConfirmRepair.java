package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.FIXED;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.REPORTER_ID;
import static edu.campus.logistics.repair.RepairVariables.RESOLVED_AT;
import static edu.campus.logistics.repair.RepairVariables.SATISFACTION;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Actor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_ConfirmRepair (回访确认) completed: only the reporter can complete it — a technician or first
 * responder never closes a repair on the reporter's behalf ({@link FollowUpByReporterOnly} keeps
 * the task from being handed to anyone else). Fixed and satisfaction 1–5 are required; not fixed
 * reopens the case (reopenCount + 1), fixed stamps {@code resolvedAt}.
 */
@Component("confirmRepair")
public class ConfirmRepair implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String reporter = (String) task.getVariable(REPORTER_ID);
    String actor = Actor.of(task);
    if (!reporter.equals(actor) || !reporter.equals(task.getAssignee())) {
      throw Refusal.of("回访确认只能由报修人 " + reporter + " 本人完成，" + actor + " 不能代为确认",
          "only the reporter " + reporter + " may confirm the repair, not " + actor);
    }
    boolean fixed = Values.yesNo(task, FIXED);
    Values.wholeNumber(task, SATISFACTION);
    if (fixed) {
      task.setVariable(RESOLVED_AT, ClockUtil.getCurrentTime());
    } else {
      Object reopened = task.getVariable(REOPEN_COUNT);
      task.setVariable(REOPEN_COUNT, (reopened instanceof Number number ? number.intValue() : 0) + 1);
    }
  }
}
