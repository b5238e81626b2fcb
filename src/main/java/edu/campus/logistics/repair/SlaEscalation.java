package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.ESCALATIONS;
import static edu.campus.logistics.repair.RepairVariables.ESCALATION_INDEX;
import static edu.campus.logistics.repair.RepairVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_GROUP;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_NOTE;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Escalation of overdue repairs (三级督查). When an SLA timer of repair.bpmn fires, {@link #record}
 * appends an {@link Escalation} with its level and time to the {@code escalations} list, raises
 * {@code escalationLevel} and names the supervising group ({@code supervisionGroup}) for the
 * 督办 task that follows — level and group as {@link Supervision} (repair-sla.dmn) says.
 * As that task's complete listener it requires an instruction and marks the escalation handled
 * ({@link ExplainSupervision} shows the supervisor why).
 */
@Component("slaEscalation")
public class SlaEscalation implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SlaEscalation.class);

  private final People people;

  public SlaEscalation(People people) {
    this.people = people;
  }

  /** Called by the SLA timers: {@code ${slaEscalation.record(execution, 'response')}}. */
  public void record(DelegateExecution execution, String stageId) {
    SlaStage stage = SlaStage.byId(stageId);
    DelegateExecution processInstance = execution.getProcessInstance();
    List<Escalation> escalations = new ArrayList<>(read(processInstance));
    int round = intValue(processInstance.getVariable(REOPEN_COUNT));
    Supervision supervision = Supervision.of(execution, stage.overdueCount(escalations, round));
    int level = supervision.level();
    String group = supervision.group().id();
    escalations.add(new Escalation(stage.id(), level, group, round, ClockUtil.getCurrentTime().toInstant().toString(),
        null, null, null));
    processInstance.setVariable(ESCALATIONS, JsonVariable.write(escalations));
    processInstance.setVariable(ESCALATION_LEVEL, Math.max(level, intValue(processInstance.getVariable(ESCALATION_LEVEL))));
    processInstance.setVariable(SUPERVISION_GROUP, group);
    LOG.info("Repair {} overdue ({}): escalated to level {} ({})", processInstance.getProcessInstanceId(), stage.id(), level, group);
  }

  @Override
  public void notify(DelegateTask task) {
    String note = Inputs.requiredText(task, SUPERVISION_NOTE, "督办意见", 500);
    int index = intValue(task.getVariableLocal(ESCALATION_INDEX));
    List<Escalation> escalations = new ArrayList<>(read(task));
    String by = people.actor(task);
    escalations.set(index, escalations.get(index).handled(by, ClockUtil.getCurrentTime().toInstant().toString(), note));
    task.setVariable(ESCALATIONS, JsonVariable.write(escalations));
  }

  static List<Escalation> read(VariableScope scope) {
    try {
      return JsonVariable.readList(scope.getVariable(ESCALATIONS), Escalation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("escalations variable is not a JSON list of escalations", e);
    }
  }

  private static int intValue(Object value) {
    return value instanceof Number number ? number.intValue() : 0;
  }
}
