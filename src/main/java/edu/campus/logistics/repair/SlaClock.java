package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DEADLINE;
import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.RESPONSE_DEADLINE;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;

import edu.campus.logistics.duty.DutyClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks of a repair on the shared {@link DutyClock}: an urgent report's deadlines run
 * around the clock, a normal one's in working time. The SLA timers of repair.bpmn ask it for their
 * cycle: {@code ${slaClock.cycle(execution, 'response')}}.
 */
@Component("slaClock")
public class SlaClock {

  private final DutyClock clock;

  public SlaClock(DutyClock clock) {
    this.clock = clock;
  }

  /** When a deadline ({@code iso}, an ISO-8601 duration) started at {@code from} is due for this case. */
  Date due(DelegateExecution execution, Date from, String iso) {
    return clock.due(execution, from, iso, "urgent".equals(execution.getVariable(URGENCY)));
  }

  /**
   * The timer cycle of an SLA stage: first due when the stage's deadline is, then once more one
   * deadline period later (the second level of supervision). The response deadline counts from
   * now (each dispatch round anew), the resolution deadline from the report.
   */
  public String cycle(DelegateExecution execution, String stageId) {
    SlaStage stage = SlaStage.byId(stageId);
    if (stage == SlaStage.RESPONSE) {
      String period = (String) execution.getVariable(RESPONSE_DEADLINE);
      return clock.twiceFrom(due(execution, ClockUtil.getCurrentTime(), period), period);
    }
    return clock.twiceFrom((Date) execution.getVariable(RESOLUTION_DUE_AT), (String) execution.getVariable(RESOLUTION_DEADLINE));
  }
}
