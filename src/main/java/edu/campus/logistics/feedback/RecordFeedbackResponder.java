package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.FIRST_RESPONDER;
import static edu.campus.logistics.feedback.FeedbackVariables.RESPONDED_AT;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 首问负责制 for feedback, assignment listener of Task_HandleFeedback: the logistics staff member who
 * takes it becomes {@code firstResponder} and owner of the case's tasks (repair's CaseOwnership
 * plugin installs the ownership for this process too). Recorded once.
 */
@Component("recordFeedbackResponder")
public class RecordFeedbackResponder implements TaskListener {

  private final IdentityService identity;

  public RecordFeedbackResponder(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || task.getVariable(FIRST_RESPONDER) != null) {
      return;
    }
    if (identity.createUserQuery().userId(assignee).memberOfGroup(CampusGroup.LOGISTICS_STAFF.id()).count() == 0) {
      throw Refusal.of("意见反馈须由后勤人员受理，" + assignee + " 不是后勤人员",
          "feedback is taken by logistics staff: " + assignee);
    }
    task.setVariable(FIRST_RESPONDER, assignee);
    task.setVariable(RESPONDED_AT, ClockUtil.getCurrentTime());
    task.setOwner(assignee);
  }
}
