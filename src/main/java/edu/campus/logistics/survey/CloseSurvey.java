package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWERED;
import static edu.campus.logistics.survey.SurveyVariables.ANSWER_RATE;
import static edu.campus.logistics.survey.SurveyVariables.CLOSED_AT;
import static edu.campus.logistics.survey.SurveyVariables.SURVEY_COMMENTS;
import static edu.campus.logistics.survey.SurveyVariables.SURVEY_RESULTS;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;

import edu.campus.logistics.cases.JsonVariable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseSurvey}: at the deadline (the open questionnaires were closed, not answered: they count
 * as not answered, never as a score) or once everybody answered, the term's results become final; the
 * per-area means go to the head's 查看调查结果 as {@code surveyResults}.
 */
@Component("closeSurvey")
class CloseSurvey implements JavaDelegate {

  private final SurveyResults results;
  private final SurveyReport reports;

  CloseSurvey(SurveyResults results, SurveyReport reports) {
    this.results = results;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String term = (String) execution.getVariable(TERM_NAME);
    results.close(term, ClockUtil.getCurrentTime());
    SurveyReport.TermReport report = reports.of(term).orElseThrow();
    execution.setVariable(ANSWERED, report.answered());
    execution.setVariable(ANSWER_RATE, report.answerRatePercent() == null ? "—" : report.answerRatePercent() + "%");
    execution.setVariable(SURVEY_RESULTS, JsonVariable.write(report.areas().stream().map(area -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("areaName", area.areaName());
      row.put("answers", area.answers());
      row.put("mean", area.mean() == null ? "—" : area.mean().toPlainString());
      return row;
    }).toList()));
    execution.setVariable(SURVEY_COMMENTS, JsonVariable.write(report.comments().stream()
        .map(comment -> Map.of("comment", comment)).toList()));
    execution.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
  }
}
