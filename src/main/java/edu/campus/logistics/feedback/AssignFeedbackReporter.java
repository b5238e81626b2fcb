package edu.campus.logistics.feedback;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_RateReply (评价答复): the task goes to whoever filed the feedback, read from
 * {@link FeedbackReporters} (an anonymous reporter is in no variable). The first responder is not
 * its owner (CaseOwnership leaves this task out), so a handler never sees who it is assigned to; for an
 * anonymous reporter the task is also hidden from the Cockpit groups that may not know him
 * ({@link AnonymousRatingTasks}) and his name is kept out of history ({@link AnonymousReporterHistory}). An
 * earlier round's {@code reopen} is cleared.
 */
@Component("assignFeedbackReporter")
public class AssignFeedbackReporter implements TaskListener {

  private final FeedbackReporters reporters;

  public AssignFeedbackReporter(FeedbackReporters reporters) {
    this.reporters = reporters;
  }

  @Override
  public void notify(DelegateTask task) {
    // a reopen asked in an earlier round is not this round's answer
    task.setVariable(FeedbackVariables.REOPEN, false);
    FeedbackReporters.Reporter reporter = reporters.of(task.getProcessInstanceId())
        .orElseThrow(() -> new ProcessEngineException("no reporter recorded for feedback " + task.getProcessInstanceId()));
    if (reporter.anonymous()) {
      AnonymousRatingTasks.hide(task.getId());
    }
    task.setAssignee(reporter.reporterId());
  }
}
