package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.FILED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DUE_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of Task_DetermineReplyDeadline: the DMN's reply deadline must be an ISO-8601
 * duration; it sets {@code replyDueAt}, around the clock for an urgent feedback and in working time
 * for the rest ({@link ReplyClock}).
 */
@Component("applyReplyDeadline")
public class ApplyReplyDeadline implements ExecutionListener {

  private final ReplyClock clock;

  public ApplyReplyDeadline(ReplyClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(REPLY_DUE_AT, clock.due(execution, (Date) execution.getVariable(FILED_AT)));
  }
}
