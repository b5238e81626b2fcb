package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.DUTY_LEADER;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATIONS;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATION_INDEX;
import static edu.campus.logistics.feedback.FeedbackVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.feedback.FeedbackVariables.OVERDUE_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.REOPEN_COUNT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DUE_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_GROUP;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_NOTE;
import static edu.campus.logistics.feedback.FeedbackVariables.SUPERVISION_USER;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.DeployedDecisions;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import edu.campus.logistics.duty.DutySupervision;
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
 * {@link #record} appends an escalation with the level and group decision {@value #DECISION} names
 * (for an urgent feedback offered to the duty officer: first the duty leader, {@link DutySupervision});
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
    // an urgent feedback offered to the duty officer: first the duty leader, then as the table says
    Object dutyLeader = instance.getVariable(DUTY_LEADER);
    DutySupervision.Step step = DutySupervision.next(dutyLeader != null && round == 0, overdue, count -> table(execution, count));
    instance.setVariable(SUPERVISION_USER, DutySupervision.DUTY_LEADER_GROUP.equals(step.group()) ? dutyLeader : null);
    Object due = instance.getVariable(REPLY_DUE_AT);
    escalations.add(Escalation.of(STAGE, step.level(), step.group(), round, ClockUtil.getCurrentTime().toInstant().toString(),
        due instanceof Date date ? date.toInstant().toString() : null));
    instance.setVariable(ESCALATIONS, JsonVariable.write(escalations));
    int highest = instance.getVariable(ESCALATION_LEVEL) instanceof Number n ? n.intValue() : 0;
    instance.setVariable(ESCALATION_LEVEL, Math.max(highest, step.level()));
    instance.setVariable(SUPERVISION_GROUP, step.group());
  }

  /** The supervision decision's level and group for the {@code overdue}-th missed deadline. */
  private static DutySupervision.Step table(DelegateExecution execution, int overdue) {
    DmnDecisionResultEntries result = DeployedDecisions.evaluate(execution.getProcessEngineServices(),
        execution.getProcessDefinitionId(), DECISION, Variables.createVariables().putValue(OVERDUE_COUNT, overdue))
        .getSingleResult();
    if (result == null || !(result.getEntry("escalationLevel") instanceof Number level)
        || !(result.getEntry("supervisionGroup") instanceof String group)) {
      throw new ProcessEngineException("decision " + DECISION + " gave no level and group for overdue count " + overdue);
    }
    return new DutySupervision.Step(level.intValue(), group);
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
