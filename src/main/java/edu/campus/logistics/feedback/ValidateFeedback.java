package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.ANONYMOUS;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATIONS;
import static edu.campus.logistics.feedback.FeedbackVariables.FEEDBACK_TYPE;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.feedback.FeedbackVariables.FILED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.FIRST_RESPONDER;
import static edu.campus.logistics.feedback.FeedbackVariables.REOPEN_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPORTER_ID;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_GROUP;
import static edu.campus.logistics.feedback.FeedbackVariables.URGENCY;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Refusal;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start listener of feedback.bpmn (the form contract has checked type, area, text): who files it is
 * the logged-in user, recorded in {@link FeedbackReporters}; only a reporter who did not ask to stay
 * anonymous is named in the case's variables ({@code reporterId}).
 */
@Component("validateFeedback")
public class ValidateFeedback implements ExecutionListener {

  private final FeedbackReporters reporters;

  public ValidateFeedback(FeedbackReporters reporters) {
    this.reporters = reporters;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reporter = Actor.current();
    if (reporter == null) {
      throw Refusal.of("请登录后提交意见", "feedback is filed by a logged-in user");
    }
    Object raw = execution.getVariable(ANONYMOUS);
    if (raw != null && !(raw instanceof Boolean) && !"true".equals(raw) && !"false".equals(raw)) {
      throw Refusal.of("对经办人匿名取值无效：" + raw, "anonymous must be true or false: " + raw);
    }
    boolean anonymous = Boolean.TRUE.equals(raw) || "true".equals(raw);
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(ANONYMOUS, anonymous);
    // praise is never urgent; a start without the field (an older form) is normal
    execution.setVariable(URGENCY, "urgent".equals(execution.getVariable(URGENCY))
        && !"praise".equals(execution.getVariable(FEEDBACK_TYPE)) ? "urgent" : "normal");
    execution.setVariable(REPORTER_ID, anonymous ? null : reporter);
    execution.setVariable(FILED_AT, now);
    execution.setVariable(FIRST_RESPONDER, null);
    execution.setVariable(REOPEN_COUNT, 0);
    execution.setVariable(ESCALATION_LEVEL, 0);
    execution.setVariable(ESCALATIONS, JsonVariable.write(List.of()));
    execution.setVariable(SUPERVISION_GROUP, null);
    reporters.record(execution.getProcessInstanceId(), reporter, anonymous, now);
  }
}
