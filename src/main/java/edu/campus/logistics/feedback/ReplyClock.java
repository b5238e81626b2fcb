package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.REOPEN_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DEADLINE;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DUE_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.URGENCY;

import edu.campus.logistics.duty.DutyClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The written reply's deadline on the shared {@link DutyClock}: an urgent feedback's runs around the
 * clock, every other one's in working time (a complaint filed on Friday evening is due on Monday
 * evening, P1D counted from Monday 08:00). Timer_ReplyOverdue asks it for its cycle:
 * {@code ${replyClock.cycle(execution)}}.
 */
@Component("replyClock")
public class ReplyClock {

  static final String DECISION = "feedback-deadline.dmn";

  private final DutyClock clock;

  public ReplyClock(DutyClock clock) {
    this.clock = clock;
  }

  /** When a reply to this feedback, started at {@code from}, is due. */
  Date due(DelegateExecution execution, Date from) {
    String deadline = clock.duration(execution.getVariable(REPLY_DEADLINE), DECISION);
    return clock.due(execution, from, deadline, "urgent".equals(execution.getVariable(URGENCY)));
  }

  /**
   * The reply timer's cycle: first when the reply is due, once more one deadline period later (the
   * second level of supervision). The first round is due when {@code replyDueAt} says; a reopened
   * feedback's reply counts from its reopening.
   */
  public String cycle(DelegateExecution execution) {
    String period = clock.duration(execution.getVariable(REPLY_DEADLINE), DECISION);
    boolean reopened = execution.getVariable(REOPEN_COUNT) instanceof Number count && count.intValue() > 0;
    Date due = reopened ? due(execution, ClockUtil.getCurrentTime()) : (Date) execution.getVariable(REPLY_DUE_AT);
    return clock.twiceFrom(due, period);
  }
}
