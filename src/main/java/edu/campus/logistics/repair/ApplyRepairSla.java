package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.REPORTED_AT;
import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DEADLINE;
import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.RESPONSE_DEADLINE;
import static edu.campus.logistics.repair.RepairVariables.RESPONSE_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.SLA_RESULT;
import static edu.campus.logistics.repair.RepairVariables.SUGGESTED_TRADE;

import edu.campus.logistics.duty.DutyClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of Task_DetermineSla: turns the repair-sla.dmn result into the case's deadlines — the
 * ISO-8601 durations the SLA timers use ({@code responseDeadline}, {@code resolutionDeadline}), the
 * due instants the metrics compare with ({@code responseDueAt}, {@code resolutionDueAt}) — and the
 * trade suggested to the dispatcher. The due instants run around the clock for urgent reports and in
 * working time for the rest ({@link SlaClock}).
 */
@Component("applyRepairSla")
public class ApplyRepairSla implements ExecutionListener {

  private final SlaClock clock;
  private final DutyClock durations;

  public ApplyRepairSla(SlaClock clock, DutyClock durations) {
    this.clock = clock;
    this.durations = durations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getVariable(SLA_RESULT) instanceof Map<?, ?> sla)) {
      throw new ProcessEngineException("repair-sla.dmn gave no single result for this report");
    }
    Date reportedAt = (Date) execution.getVariable(REPORTED_AT);
    String response = duration(sla, RESPONSE_DEADLINE);
    String resolution = duration(sla, RESOLUTION_DEADLINE);
    execution.setVariable(RESPONSE_DEADLINE, response);
    execution.setVariable(RESOLUTION_DEADLINE, resolution);
    execution.setVariable(RESPONSE_DUE_AT, clock.due(execution, reportedAt, response));
    execution.setVariable(RESOLUTION_DUE_AT, clock.due(execution, reportedAt, resolution));
    execution.setVariable(SUGGESTED_TRADE, sla.get(SUGGESTED_TRADE));
    execution.removeVariable(SLA_RESULT);
  }

  private String duration(Map<?, ?> sla, String output) {
    return durations.duration(sla.get(output), "repair-sla.dmn output " + output);
  }
}
