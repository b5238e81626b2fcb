package edu.campus.logistics.duty;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service promise's clock, shared by every case with a deadline (a repair's SLA, a feedback's
 * written reply): an urgent case's deadline runs around the clock (24 小时全天候服务); a normal one's
 * runs in working time as the duty roster's calendar says ({@link DutyRoster#workingDeadline}: from
 * the next working moment, whole days counted as working days, so a report on Friday evening is not
 * late on Saturday morning). Times are the school's ({@code campus.time-zone}).
 */
@Component
public class DutyClock {

  private final DatatypeFactory durations;
  private final ZoneId zone;

  public DutyClock(@Value("${campus.time-zone}") ZoneId zone) throws DatatypeConfigurationException {
    this.durations = DatatypeFactory.newInstance();
    this.zone = zone;
  }

  /** The ISO-8601 duration a decision gave, or an incident naming the decision and what it gave. */
  public String duration(Object value, String decision) {
    try {
      durations.newDuration(String.valueOf(value));
      return String.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException | UnsupportedOperationException invalid) {
      throw new ProcessEngineException(decision + " gave no ISO-8601 duration: " + value);
    }
  }

  /** When a deadline ({@code iso}, an ISO-8601 duration) started at {@code from} is due: around the clock when urgent, else in working time. */
  public Date due(DelegateExecution execution, Date from, String iso, boolean urgent) {
    Duration deadline = durations.newDuration(iso);
    if (urgent) {
      Date due = new Date(from.getTime());
      deadline.addTo(due);
      return due;
    }
    return Date.from(DutyRoster.of(execution, zone).workingDeadline(from.toInstant(), deadline));
  }

  /**
   * A timer cycle that fires first when {@code due} is, then once more one {@code period} later
   * (the second level of supervision): {@code R2/<due>/<period>}. A due instant already past fires
   * now and one period later.
   */
  public String twiceFrom(Date due, String period) {
    // a cycle R2/<start>/<period> fires at a start in the future, else one period after it
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant start = due.toInstant().minusMillis(durations.newDuration(period).getTimeInMillis(due));
    return "R2/" + (start.isAfter(now) ? due.toInstant() : now) + "/" + period;
  }
}
