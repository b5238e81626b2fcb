package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.ESCALATIONS;
import static edu.campus.logistics.repair.RepairVariables.ESCALATION_INDEX;
import static edu.campus.logistics.repair.RepairVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_GROUP;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_NOTE;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_USER;
import static edu.campus.logistics.repair.RepairVariables.DUTY_LEADER;

import static edu.campus.logistics.repair.RepairVariables.RESPONSE_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DUE_AT;
import java.util.Date;
import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.duty.DutySupervision;
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

  /** Called by the SLA timers: {@code ${slaEscalation.record(execution, 'response')}}. */
  public void record(DelegateExecution execution, String stageId) {
    SlaStage stage = SlaStage.byId(stageId);
    DelegateExecution processInstance = execution.getProcessInstance();
    List<Escalation> escalations = new ArrayList<>(read(processInstance));
    int round = intValue(processInstance.getVariable(REOPEN_COUNT));
    int overdueCount = stage.overdueCount(escalations, round);
    Object dutyLeader = processInstance.getVariable(DUTY_LEADER);
    // an urgent report outside working hours: first the roster's duty leader, then as the table says
    boolean toDutyLeader = dutyLeader != null && stage == SlaStage.RESPONSE && round == 0;
    DutySupervision.Step step = DutySupervision.next(toDutyLeader, overdueCount, count -> {
      Supervision supervision = Supervision.of(execution, count);
      return new DutySupervision.Step(supervision.level(), supervision.group().id());
    });
    int level = step.level();
    String group = step.group();
    processInstance.setVariable(SUPERVISION_USER, DutySupervision.DUTY_LEADER_GROUP.equals(group) ? dutyLeader : null);
    Object due = processInstance.getVariable(stage.id().equals("response") ? RESPONSE_DUE_AT : RESOLUTION_DUE_AT);
    escalations.add(Escalation.of(stage.id(), level, group, round, ClockUtil.getCurrentTime().toInstant().toString(),
        due instanceof Date date ? date.toInstant().toString() : null));
    processInstance.setVariable(ESCALATIONS, JsonVariable.write(escalations));
    processInstance.setVariable(ESCALATION_LEVEL, Math.max(level, intValue(processInstance.getVariable(ESCALATION_LEVEL))));
    processInstance.setVariable(SUPERVISION_GROUP, group);
    LOG.info("Repair {} overdue ({}): escalated to level {} ({})", processInstance.getProcessInstanceId(), stage.id(), level, group);
  }

  @Override
  public void notify(DelegateTask task) {
    String note = Values.text(task, SUPERVISION_NOTE);
    int index = intValue(task.getVariableLocal(ESCALATION_INDEX));
    List<Escalation> escalations = new ArrayList<>(read(task));
    String by = Actor.of(task);
    escalations.set(index, escalations.get(index).handled(by, ClockUtil.getCurrentTime().toInstant().toString(), note));
    task.setVariable(ESCALATIONS, JsonVariable.write(escalations));
  }

  static List<Escalation> read(VariableScope scope) {
    return JsonVariable.readList(scope.getVariable(ESCALATIONS), Escalation.class, ESCALATIONS, "督办记录");
  }

  private static int intValue(Object value) {
    return value instanceof Number number ? number.intValue() : 0;
  }
}
