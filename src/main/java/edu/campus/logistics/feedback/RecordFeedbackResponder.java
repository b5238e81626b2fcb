package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.FIRST_RESPONDER;
import static edu.campus.logistics.feedback.FeedbackVariables.RESPONDED_AT;

import edu.campus.logistics.cases.Actor;
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
 * plugin installs the ownership for this process too). Recorded once. The reporter never takes his own
 * feedback (四眼原则).
 */
@Component("recordFeedbackResponder")
public class RecordFeedbackResponder implements TaskListener {

  private final IdentityService identity;
  private final FeedbackReporters reporters;

  public RecordFeedbackResponder(IdentityService identity, FeedbackReporters reporters) {
    this.identity = identity;
    this.reporters = reporters;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    refuseTheReporter(task, assignee);
    if (task.getVariable(FIRST_RESPONDER) != null) {
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

  /**
   * 四眼原则: a logistics staff member who filed a feedback does not answer it himself. Not checked when
   * someone else hands an anonymous feedback to him: the refusal would tell that colleague who filed it.
   */
  private void refuseTheReporter(DelegateTask task, String assignee) {
    if (!assignee.equals(Actor.current()) && reporters.of(task.getProcessInstanceId())
        .map(FeedbackReporters.Reporter::anonymous).orElse(true)) {
      return;
    }
    refuseTheReporter(reporters, task, assignee);
  }

  /** The four-eyes refusal when {@code actor} filed this feedback; also on completion ({@link ReplyFeedback}). */
  static void refuseTheReporter(FeedbackReporters reporters, DelegateTask task, String actor) {
    FeedbackReporters.Reporter reporter = reporters.of(task.getProcessInstanceId()).orElse(null);
    if (reporter == null || !actor.equals(reporter.reporterId())) {
      return;
    }
    throw Refusal.of("四眼原则：提交人不能受理自己的意见反馈（%s）".formatted(actor),
        "four-eyes principle: the reporter does not handle their own feedback (" + actor + ")");
  }
}
