package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWERS;
import static edu.campus.logistics.survey.SurveyVariables.RESPONDENT;
import static edu.campus.logistics.survey.SurveyVariables.SURVEY_COMMENT;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_AnswerSurvey (填写满意度调查): only the person drawn answers (an administrator
 * neither); every area rated 1–5 (the form contract checked the options, this the numbers). The answer is
 * added to the term's aggregates ({@link SurveyResults}) and its values are removed from the case:
 * nothing of it stays in a variable, and {@link SurveyAnswerHistory} keeps it out of history.
 */
@Component("recordSurveyAnswer")
class RecordSurveyAnswer implements TaskListener {

  private final SurveyResults results;

  RecordSurveyAnswer(SurveyResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateTask task) {
    String respondent = (String) task.getVariable(RESPONDENT);
    if (!Actor.of(task).equals(respondent)) {
      throw Refusal.of("满意度调查问卷只能由被抽中的本人填写", "only the person drawn answers this questionnaire");
    }
    Map<SurveyArea, Integer> ratings = new EnumMap<>(SurveyArea.class);
    for (SurveyArea area : SurveyArea.values()) {
      ratings.put(area, rating(task, area));
    }
    String comment = Values.text(task, SURVEY_COMMENT);
    results.answer((String) task.getVariable(TERM_NAME), ratings, comment);
    ANSWERS.forEach(task::removeVariable);
  }

  private static int rating(DelegateTask task, SurveyArea area) {
    Object raw = task.getVariable(area.ratingField());
    String label = FormContract.ofTask(task).label(area.ratingField());
    int rating;
    try {
      rating = raw == null ? 0 : Integer.parseInt(raw.toString().trim());
    } catch (NumberFormatException e) {
      rating = 0;
    }
    if (rating < 1 || rating > 5) {
      throw Refusal.of(label + "须评 1 到 5 分", area.ratingField() + " is rated 1 to 5");
    }
    return rating;
  }
}
