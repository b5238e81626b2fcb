package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.FILED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DEADLINE;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DUE_AT;

import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End listener of Task_DetermineReplyDeadline: the DMN's reply deadline must be an ISO-8601 duration; it sets {@code replyDueAt}. */
@Component("applyReplyDeadline")
public class ApplyReplyDeadline implements ExecutionListener {

  private final DatatypeFactory durations;

  public ApplyReplyDeadline() throws DatatypeConfigurationException {
    this.durations = DatatypeFactory.newInstance();
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object deadline = execution.getVariable(REPLY_DEADLINE);
    Date due = new Date(((Date) execution.getVariable(FILED_AT)).getTime());
    try {
      durations.newDuration(String.valueOf(deadline)).addTo(due);
    } catch (IllegalArgumentException | NullPointerException invalid) {
      throw new ProcessEngineException("feedback-deadline.dmn gave no ISO-8601 duration: " + deadline);
    }
    execution.setVariable(REPLY_DUE_AT, due);
  }
}
