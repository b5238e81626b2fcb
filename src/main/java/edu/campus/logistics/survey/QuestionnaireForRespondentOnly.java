package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.RESPONDENT;

import edu.campus.logistics.cases.Refusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On assignment of Task_AnswerSurvey (填写满意度调查): the questionnaire belongs to the person drawn for it
 * and is handed to nobody else — not by the head, not by an administrator. {@link RecordSurveyAnswer}
 * checks who completes it.
 */
@Component("questionnaireForRespondentOnly")
class QuestionnaireForRespondentOnly implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String respondent = (String) task.getVariable(RESPONDENT);
    if (task.getAssignee() != null && !task.getAssignee().equals(respondent)) {
      throw Refusal.of("满意度调查问卷只能由被抽中的 " + respondent + " 本人填写，不能转给 " + task.getAssignee(),
          "the questionnaire belongs to " + respondent);
    }
  }
}
