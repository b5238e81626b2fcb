package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATIONS;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATION_INDEX;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.feedback.FeedbackVariables.OVERDUE_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.REOPEN_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DUE_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_GROUP;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_NOTE;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.DeployedDecisions;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A written reply overdue (cases/Escalation, as repairs): when Timer_ReplyOverdue fires,
 * {@link #record} appends an escalation with the level and group decision {@value #DECISION} names;
 * as the 督办 task's complete listener it marks that escalation handled with the supervisor's note.
 */
@Component("feedbackEscalation")
public class FeedbackEscalation implements TaskListener {

  static final String DECISION = "feedback-supervision";
  static final String STAGE = "reply";

  /** Called by the reply timer: {@code ${feedbackEscalation.record(execution)}}. */
  public void record(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    List<Escalation> escalations = new ArrayList<>(read(instance));
    int round = instance.getVariable(REOPEN_COUNT) instanceof Number n ? n.intValue() : 0;
    int overdue = 1 + (int) escalations.stream().filter(e -> e.round() == round).count();
    DmnDecisionResultEntries result = DeployedDecisions.evaluate(execution.getProcessEngineServices(),
        execution.getProcessDefinitionId(), DECISION, Variables.createVariables().putValue(OVERDUE_COUNT, overdue))
        .getSingleResult();
    if (result == null || !(result.getEntry("escalationLevel") instanceof Number level)
        || !(result.getEntry("supervisionGroup") instanceof String group)) {
      throw new ProcessEngineException("decision " + DECISION + " gave no level and group for overdue count " + overdue);
    }
    Object due = instance.getVariable(REPLY_DUE_AT);
    escalations.add(Escalation.of(STAGE, level.intValue(), group, round, ClockUtil.getCurrentTime().toInstant().toString(),
        due instanceof Date date ? date.toInstant().toString() : null));
    instance.setVariable(ESCALATIONS, JsonVariable.write(escalations));
    int highest = instance.getVariable(ESCALATION_LEVEL) instanceof Number n ? n.intValue() : 0;
    instance.setVariable(ESCALATION_LEVEL, Math.max(highest, level.intValue()));
    instance.setVariable(SUPERVISION_GROUP, group);
  }

  @Override
  public void notify(DelegateTask task) {
    String note = Values.text(task, SUPERVISION_NOTE);
    int index = task.getVariableLocal(ESCALATION_INDEX) instanceof Number n ? n.intValue() : 0;
    List<Escalation> escalations = new ArrayList<>(read(task));
    escalations.set(index, escalations.get(index).handled(Actor.of(task), ClockUtil.getCurrentTime().toInstant().toString(), note));
    task.setVariable(ESCALATIONS, JsonVariable.write(escalations));
  }

  static List<Escalation> read(VariableScope scope) {
    return JsonVariable.readList(scope.getVariable(ESCALATIONS), Escalation.class, ESCALATIONS, "督办记录");
  }
}
