package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DEADLINE;
import static edu.campus.logistics.survey.SurveyVariables.SAMPLE_SIZE;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;

import edu.campus.logistics.identity.ProcessKeys;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartTermSurvey} of survey-schedule: starts the term's {@code satisfaction-survey} through
 * the engine with its start form's fields only, as the engine (no person): the survey's own start checks
 * run, and it gets its case number like one the head starts.
 */
@Component("startTermSurvey")
class StartTermSurvey implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ProcessKeys.SATISFACTION_SURVEY,
        Map.of(TERM_NAME, execution.getVariable(TERM_NAME), SAMPLE_SIZE, execution.getVariable(SAMPLE_SIZE),
            ANSWER_DEADLINE, execution.getVariable(ANSWER_DEADLINE)));
  }
}
