package edu.campus.logistics.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The school's calendar and duty roster as process owners keep them in duty-roster.dmn (decisions
 * {@value #WORKING_DAY} and {@value #DUTY_ROSTER}). Unlike a process's own rules, the latest
 * deployed version counts for every case: the roster is today's rota and calendar, deployed on
 * its own when a term's rota or the holidays change, and a case reported last week is handled by
 * whoever is on duty tonight. Working time, the next working moment, deadlines that run in working
 * time, and who is on duty. Times are the school's ({@code campus.time-zone}).
 *
 * <p>A duty day runs from {@link #HANDOVER} to {@link #HANDOVER} the next day: the night before
 * 08:00 belongs to the previous day's duty.
 */
public final class DutyRoster {

  public static final String WORKING_DAY = "working-day";
  public static final String DUTY_ROSTER = "duty-roster";
  /** The decisions' inputs. */
  public static final String DATE = "date";
  public static final String DAY_OF_WEEK = "dayOfWeek";
  /** When the duty changes hands each day. */
  public static final LocalTime HANDOVER = LocalTime.of(8, 0);
  /** How far ahead a next working day is looked for: a calendar without one is a mistake in the table. */
  static final int MAX_DAYS_AHEAD = 60;

  private final Function<LocalDate, WorkingDay> days;
  private final Function<LocalDate, Duty> duties;
  private final ZoneId zone;

  DutyRoster(Function<LocalDate, WorkingDay> days, Function<LocalDate, Duty> duties, ZoneId zone) {
    this.days = days;
    this.duties = duties;
    this.zone = zone;
  }

  /** The roster of the deployment the execution's process belongs to, in the school's zone. */
  public static DutyRoster of(DelegateExecution execution, ZoneId zone) {
    return new DutyRoster(date -> workingDay(evaluate(execution, WORKING_DAY, date), date),
        date -> duty(evaluate(execution, DUTY_ROSTER, date), date), zone);
  }

  /** Whether the instant lies in working hours of a working day. */
  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    return days.apply(local.toLocalDate()).covers(local.toLocalTime());
  }

  /** The instant itself in working time, else the start of the next working period (the next working morning). */
  public Instant nextWorkingMoment(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    WorkingDay today = days.apply(local.toLocalDate());
    if (today.covers(local.toLocalTime())) {
      return instant;
    }
    if (today.working() && local.toLocalTime().isBefore(today.start())) {
      return local.toLocalDate().atTime(today.start()).atZone(zone).toInstant();
    }
    LocalDate next = nextWorkingDay(local.toLocalDate());
    return next.atTime(days.apply(next).start()).atZone(zone).toInstant();
  }

  /**
   * The deadline of a clock that runs in working time: it starts at the next working moment, its
   * whole days are working days (P2D from a Friday at 16:00 is the Tuesday at 16:00), and its hours
   * and minutes run on from there (PT4H from a Saturday report is Monday 12:00).
   */
  public Instant workingDeadline(Instant from, javax.xml.datatype.Duration deadline) {
    ZonedDateTime start = nextWorkingMoment(from).atZone(zone);
    LocalDate date = start.toLocalDate();
    int wholeDays = deadline.getYears() * 365 + deadline.getMonths() * 30 + deadline.getDays();
    for (int day = 0; day < wholeDays; day++) {
      date = nextWorkingDay(date);
    }
    Duration rest = Duration.ofHours(deadline.getHours()).plusMinutes(deadline.getMinutes())
        .plusSeconds(deadline.getSeconds());
    return date.atTime(start.toLocalTime()).atZone(zone).toInstant().plus(rest);
  }

  /** Who is on duty at this instant (the duty day starts at {@link #HANDOVER}). */
  public Duty dutyAt(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalDate dutyDay = local.toLocalTime().isBefore(HANDOVER) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    return duties.apply(dutyDay);
  }

  private LocalDate nextWorkingDay(LocalDate after) {
    LocalDate date = after;
    for (int ahead = 1; ahead <= MAX_DAYS_AHEAD; ahead++) {
      date = date.plusDays(1);
      if (days.apply(date).working()) {
        return date;
      }
    }
    throw new ProcessEngineException("decision " + WORKING_DAY + " names no working day in the " + MAX_DAYS_AHEAD
        + " days after " + after);
  }

  private static DmnDecisionResultEntries evaluate(DelegateExecution execution, String decision, LocalDate date) {
    ProcessEngineServices engine = execution.getProcessEngineServices();
    DmnDecisionResultEntries result = Context.getCommandContext().runWithoutAuthorization(() ->
        engine.getDecisionService().evaluateDecisionByKey(decision).variables(Variables.createVariables()
            .putValue(DATE, date.toString()).putValue(DAY_OF_WEEK, date.getDayOfWeek().getValue()))
            .evaluate().getFirstResult());
    if (result == null) {
      throw new ProcessEngineException("decision " + decision + " has no rule for " + date);
    }
    return result;
  }

  static WorkingDay workingDay(DmnDecisionResultEntries result, LocalDate date) {
    boolean working = Boolean.TRUE.equals(result.getEntryMap().get("workingDay"));
    try {
      return new WorkingDay(working, time(result.getEntryMap().get("workStart")), time(result.getEntryMap().get("workEnd")));
    } catch (DateTimeParseException | IllegalArgumentException bad) {
      throw new ProcessEngineException("decision " + WORKING_DAY + " gives no valid working hours (HH:mm) for " + date
          + ": " + bad.getMessage());
    }
  }

  static Duty duty(DmnDecisionResultEntries result, LocalDate date) {
    Object officer = result.getEntryMap().get("dutyOfficer");
    Object leader = result.getEntryMap().get("dutyLeader");
    if (officer == null || leader == null) {
      throw new ProcessEngineException("decision " + DUTY_ROSTER + " names no duty officer and leader for " + date);
    }
    return new Duty(officer.toString(), leader.toString());
  }

  private static LocalTime time(Object value) {
    return value == null ? null : LocalTime.parse(value.toString().strip());
  }
}
