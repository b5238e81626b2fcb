package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.REPORTER_ID;

import edu.campus.logistics.cases.Refusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four-eyes on the follow-up (回访确认, on assignment): the task belongs to the reporter and cannot
 * be handed to anyone else — not by the first responder as the case's owner, not by an
 * administrator. {@link ConfirmRepair} checks who completes it.
 */
@Component("followUpByReporterOnly")
public class FollowUpByReporterOnly implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String reporter = (String) task.getVariable(REPORTER_ID);
    if (task.getAssignee() != null && !task.getAssignee().equals(reporter)) {
      throw Refusal.of("回访确认只能由报修人 " + reporter + " 本人完成，不能转给 " + task.getAssignee(),
          "the follow-up belongs to the reporter " + reporter);
    }
  }
}
