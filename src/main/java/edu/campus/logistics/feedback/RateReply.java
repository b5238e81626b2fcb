package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.RATED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.REOPEN;
import static edu.campus.logistics.feedback.FeedbackVariables.REOPEN_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.SATISFACTION;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_RateReply (评价答复): only the reporter rates (1–5) and may ask once for the
 * feedback to be handled again; a second reopen is refused.
 */
@Component("rateReply")
public class RateReply implements TaskListener {

  private final FeedbackReporters reporters;

  public RateReply(FeedbackReporters reporters) {
    this.reporters = reporters;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = Actor.of(task);
    boolean reporter = reporters.of(task.getProcessInstanceId()).map(r -> r.reporterId().equals(actor)).orElse(false);
    if (!reporter) {
      throw Refusal.of("评价答复只能由提交人本人完成", "only the reporter rates the reply, not " + actor);
    }
    Values.wholeNumber(task, SATISFACTION);
    boolean reopen = task.getVariable(REOPEN) != null && Values.yesNo(task, REOPEN);
    task.setVariable(REOPEN, reopen);
    int reopened = task.getVariable(REOPEN_COUNT) instanceof Number n ? n.intValue() : 0;
    if (reopen) {
      if (reopened >= 1) {
        throw Refusal.of("每条意见只能重新办理一次", "a feedback may be reopened once");
      }
      task.setVariable(REOPEN_COUNT, reopened + 1);
    }
    task.setVariable(RATED_AT, ClockUtil.getCurrentTime());
  }
}
