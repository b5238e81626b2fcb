package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.CHECKED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.IMPROVED;

import edu.campus.logistics.cases.Values;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Complete listener of Task_CheckImprovement (考察改进效果): whether the measure worked, and when it was checked. */
@Component("recordImprovementCheck")
public class RecordImprovementCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Values.yesNo(task, IMPROVED);
    task.setVariable(CHECKED_AT, ClockUtil.getCurrentTime());
  }
}
