package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DUE_AT;
import static edu.campus.logistics.survey.SurveyVariables.SAMPLE;
import static edu.campus.logistics.survey.SurveyVariables.SAMPLED;
import static edu.campus.logistics.survey.SurveyVariables.SAMPLE_SIZE;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;

import edu.campus.logistics.cases.JsonVariable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DrawSample}: a random sample of the {@value #STAFF} group (every employee), as many as the
 * term's sample size asks and at most the whole group, each person once; the term's result rows are
 * opened with it (nothing answered yet). Everybody in the group may be drawn, logistics staff too: they
 * are employees who use the canteen and the dormitories like anyone, and their answers are as anonymous.
 */
@Component("drawSurveySample")
class DrawSurveySample implements JavaDelegate {

  static final String STAFF = "staff";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SurveyResults results;

  DrawSurveySample(SurveyResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> staff = new ArrayList<>(Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getIdentityService().createUserQuery().memberOfGroup(STAFF)
            .orderByUserId().asc().list().stream().map(User::getId).toList()));
    Collections.shuffle(staff, RANDOM);
    int size = Math.min(((Number) execution.getVariable(SAMPLE_SIZE)).intValue(), staff.size());
    List<String> sample = List.copyOf(staff.subList(0, size));
    execution.setVariable(SAMPLE, JsonVariable.write(sample));
    execution.setVariable(SAMPLED, size);
    results.open((String) execution.getVariable(TERM_NAME), execution.getProcessInstanceId(), size,
        ClockUtil.getCurrentTime(), (Date) execution.getVariable(ANSWER_DUE_AT));
  }
}
