package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DAYS;
import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DEADLINE;
import static edu.campus.logistics.survey.SurveyVariables.SAMPLE_SIZE;
import static edu.campus.logistics.survey.SurveyVariables.START_MONTH;
import static edu.campus.logistics.survey.SurveyVariables.TERM_HALF;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;
import static edu.campus.logistics.survey.SurveyVariables.TERM_TAKEN;

import edu.campus.logistics.cases.DeployedDecisions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanTermSurvey} of survey-schedule, after the timer start at the beginning of a term: which term it is, how
 * many to ask and for how long, from the decision {@code survey-plan} deployed with this version
 * (survey-plan.dmn, process owners edit it). A month the plan has no row for is an incident naming it;
 * a term already surveyed (the head started it by hand) is noted in {@code termTaken}, and no survey starts.
 */
@Component("planTermSurvey")
class PlanTermSurvey implements JavaDelegate {

  static final String PLAN = "survey-plan";

  private final SurveyResults results;
  private final ZoneId zone;

  PlanTermSurvey(SurveyResults results, @Value("${campus.time-zone}") ZoneId zone) {
    this.results = results;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    DmnDecisionResult plan = DeployedDecisions.evaluate(execution.getProcessEngineServices(),
        execution.getProcessDefinitionId(), PLAN, Map.of(START_MONTH, today.getMonthValue()));
    if (plan.isEmpty()) {
      throw new ProcessEngineException("survey-plan.dmn has no row for month " + today.getMonthValue()
          + " (满意度调查计划中没有 " + today.getMonthValue() + " 月的安排)");
    }
    DmnDecisionResultEntries row = plan.getFirstResult();
    String term = TermSchedule.termName(today, row.getEntry(TERM_HALF));
    LocalDate deadline = today.plusDays(((Number) row.getEntry(ANSWER_DAYS)).longValue());
    execution.setVariable(TERM_NAME, term);
    execution.setVariable(SAMPLE_SIZE, ((Number) row.getEntry(SAMPLE_SIZE)).intValue());
    execution.setVariable(ANSWER_DEADLINE, deadline.toString());
    execution.setVariable(TERM_TAKEN, results.taken(term));
  }
}
