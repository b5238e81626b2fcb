package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATION_INDEX;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_REASON;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_USER;

import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.duty.DutySupervision;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_SuperviseFeedback (督办): the supervisor sees why, and the task remembers its
 * escalation; one to the roster's duty leader goes to that person (candidate user).
 */
@Component("explainFeedbackSupervision")
public class ExplainFeedbackSupervision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Escalation> escalations = FeedbackEscalation.read(task);
    int index = escalations.size() - 1;
    String reason = "答复超时：意见未在时限内书面答复（" + (escalations.get(index).level() == 1 ? "一级督办" : "二级督办") + "）";
    task.setVariableLocal(ESCALATION_INDEX, index);
    task.setVariableLocal(SUPERVISION_REASON, reason);
    task.setDescription(reason);
    DutySupervision.offerToDutyLeader(task, escalations.get(index).group(), task.getVariable(SUPERVISION_USER));
  }
}
