package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.DUTY_LEADER;
import static edu.campus.logistics.feedback.FeedbackVariables.DUTY_OFFICER;
import static edu.campus.logistics.feedback.FeedbackVariables.FIRST_RESPONDER;
import static edu.campus.logistics.feedback.FeedbackVariables.URGENCY;

import edu.campus.logistics.duty.DutyOffers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 24 小时值班, create listener of Task_HandleFeedback: an urgent feedback outside working hours is
 * offered to the roster's duty officer in person ({@link DutyOffers}); the 后勤人员 queue keeps it.
 * Whoever takes it is first responder ({@link RecordFeedbackResponder}); the duty leader is recorded
 * for the first 督办 ({@link FeedbackEscalation}). Never offered to its own reporter (四眼原则), and a
 * reopened feedback goes back to its first responder.
 */
@Component("offerFeedbackToDuty")
public class OfferFeedbackToDuty implements TaskListener {

  private final DutyOffers duty;
  private final FeedbackReporters reporters;

  public OfferFeedbackToDuty(DutyOffers duty, FeedbackReporters reporters) {
    this.duty = duty;
    this.reporters = reporters;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(FIRST_RESPONDER) != null || !"urgent".equals(task.getVariable(URGENCY))) {
      return;
    }
    String reporter = reporters.of(task.getProcessInstanceId()).map(FeedbackReporters.Reporter::reporterId).orElse(null);
    duty.offer(task, officer -> !officer.equals(reporter)).ifPresent(onDuty -> {
      task.getExecution().getProcessInstance().setVariable(DUTY_OFFICER, onDuty.officer());
      task.getExecution().getProcessInstance().setVariable(DUTY_LEADER, onDuty.leader());
    });
  }
}
