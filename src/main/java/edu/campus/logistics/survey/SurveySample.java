package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.SAMPLE;

import edu.campus.logistics.cases.JsonVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The sampled staff members of the case, one questionnaire each ({@code ${surveySample.respondents(execution)}}). */
@Component("surveySample")
public class SurveySample {

  public List<String> respondents(DelegateExecution execution) {
    return JsonVariable.readList(execution.getVariable(SAMPLE), String.class, SAMPLE, "抽样名单");
  }
}
