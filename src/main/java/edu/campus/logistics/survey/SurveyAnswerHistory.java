package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWERS;

import edu.campus.logistics.cases.HistoryEventFilter;
import edu.campus.logistics.identity.ProcessKeys;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * Camunda's history never holds what one person answered: at history level full every variable a
 * questionnaire submits would be kept (historic variable and its details) next to the task and its
 * assignee, and the Cockpit groups read all history. Every variable event of a {@code satisfaction-survey}
 * case about an answer field ({@link SurveyVariables#ANSWERS}), and every form field a submitted
 * questionnaire would record (history detail "formField"), is not written at all — neither to
 * history nor to the KPI read model; what was answered lives only in the term's aggregates
 * ({@link SurveyResults}). History still shows who was drawn and whether and when they answered.
 */
@Component
public class SurveyAnswerHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventFilter.install(configuration, event -> !isAnswer(event));
  }

  static boolean isAnswer(HistoryEvent event) {
    if (!ProcessKeys.SATISFACTION_SURVEY.equals(event.getProcessDefinitionKey())) {
      return false;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return ANSWERS.contains(variable.getVariableName());
    }
    return event instanceof HistoricFormPropertyEventEntity field && ANSWERS.contains(field.getPropertyId());
  }
}
