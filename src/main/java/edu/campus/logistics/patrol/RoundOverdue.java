package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.ESCALATIONS;
import static edu.campus.logistics.patrol.PatrolVariables.ESCALATION_INDEX;
import static edu.campus.logistics.patrol.PatrolVariables.SUPERVISION_REASON;

import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.CampusGroup;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * End listener of the overdue timer (Timer_RoundOverdue, Timer_InspectionOverdue): a round not done
 * by its due time is escalated to the head of logistics — recorded in {@code escalations} (one
 * {@code cases.Escalation}, stage = the round's key, as repair and procurement record theirs) and in
 * the day's report; the supervision task that follows says why. The round's task stays open: it
 * may still be done, late.
 */
@Component("roundOverdue")
class RoundOverdue implements ExecutionListener {

  private final RoundRecords records;
  private final DateTimeFormatter time;

  RoundOverdue(RoundRecords records, @Value("${campus.time-zone}") ZoneId zone) {
    this.records = records;
    this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
  }

  @Override
  public void notify(DelegateExecution execution) {
    ChecklistRound round = PlannedRounds.of(execution);
    ChecklistKind kind = ChecklistKind.of(execution.getProcessDefinitionId().split(":")[0]);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Escalation> escalations = new ArrayList<>(JsonVariable.readList(execution.getVariable(ESCALATIONS),
        Escalation.class, ESCALATIONS, "督办记录"));
    escalations.add(Escalation.of(round.key(), 1, CampusGroup.LOGISTICS_HEAD.id(), 0, now.toString(), round.dueAt()));
    execution.setVariable(ESCALATIONS, JsonVariable.write(escalations));
    execution.setVariableLocal(ESCALATION_INDEX, escalations.size() - 1);
    execution.setVariableLocal(SUPERVISION_REASON, "%s · %s 应在 %s 前完成%s，到时仍未完成（责任人：%s）".formatted(
        round.areaName(), round.roundName(), time.format(Instant.parse(round.dueAt())), kind.roundWord,
        round.responsible()));
    records.escalated(execution.getProcessInstanceId(), round.key(), now);
  }
}
