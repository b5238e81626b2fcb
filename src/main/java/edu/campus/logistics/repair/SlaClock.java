package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DEADLINE;
import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.RESPONSE_DEADLINE;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;

import edu.campus.logistics.duty.DutyRoster;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks of a repair (24 小时全天候服务 for urgent faults, working time for the rest): an
 * urgent report's deadlines run around the clock; a normal one's run in working time as the duty
 * roster's calendar says ({@link DutyRoster#workingDeadline}: from the next working moment, whole
 * days counted as working days). The SLA timers of repair.bpmn ask it for their cycle:
 * {@code ${slaClock.cycle(execution, 'response')}}.
 */
@Component("slaClock")
public class SlaClock {

  private final DatatypeFactory durations;
  private final ZoneId zone;

  public SlaClock(@Value("${campus.time-zone}") ZoneId zone) throws DatatypeConfigurationException {
    this.durations = DatatypeFactory.newInstance();
    this.zone = zone;
  }

  /** When a deadline ({@code iso}, an ISO-8601 duration) started at {@code from} is due for this case. */
  Date due(DelegateExecution execution, Date from, String iso) {
    Duration deadline = durations.newDuration(iso);
    if ("urgent".equals(execution.getVariable(URGENCY))) {
      Date due = new Date(from.getTime());
      deadline.addTo(due);
      return due;
    }
    return Date.from(DutyRoster.of(execution, zone).workingDeadline(from.toInstant(), deadline));
  }

  /**
   * The timer cycle of an SLA stage: first due when the stage's deadline is, then once more one
   * deadline period later (the second level of supervision). The response deadline counts from
   * now (each dispatch round anew), the resolution deadline from the report.
   */
  public String cycle(DelegateExecution execution, String stageId) {
    SlaStage stage = SlaStage.byId(stageId);
    String period;
    Date due;
    if (stage == SlaStage.RESPONSE) {
      period = (String) execution.getVariable(RESPONSE_DEADLINE);
      due = due(execution, ClockUtil.getCurrentTime(), period);
    } else {
      period = (String) execution.getVariable(RESOLUTION_DEADLINE);
      due = (Date) execution.getVariable(RESOLUTION_DUE_AT);
    }
    // a cycle R2/<start>/<period> fires at a start in the future, else one period after it
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant start = due.toInstant().minusMillis(durations.newDuration(period).getTimeInMillis(due));
    return "R2/" + (start.isAfter(now) ? due.toInstant() : now) + "/" + period;
  }
}
