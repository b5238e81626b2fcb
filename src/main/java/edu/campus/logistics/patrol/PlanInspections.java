package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.EVERY;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND;
import static edu.campus.logistics.patrol.PatrolVariables.START_DATE;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanInspections}: the rows of {@code inspection-plans} due today. A plan is due on its
 * start date and every interval after it ({@code P1D}, {@code P7D}, {@code P1M}, any {@code P<n>D}).
 */
@Component("planInspections")
class PlanInspections implements JavaDelegate {

  static final String PLANS = "inspection-plans";

  private final DayPlan plan;

  PlanInspections(DayPlan plan) {
    this.plan = plan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = plan.today();
    List<Map<String, Object>> due = plan.rows(execution, PLANS, day).stream().filter(row -> dueOn(row, day)).toList();
    plan.plan(execution, ChecklistKind.INSPECTION, day, due);
  }

  /** Whether a plan starting on {@code startDate} and repeating {@code every} is due on {@code day}. */
  static boolean dueOn(Map<String, Object> row, LocalDate day) {
    LocalDate start;
    Period every;
    try {
      start = LocalDate.parse(String.valueOf(row.get(START_DATE)).trim());
      every = Period.parse(String.valueOf(row.get(EVERY)).trim());
    } catch (DateTimeParseException malformed) {
      throw new ProcessEngineException("planning table " + PLANS + ", plan " + row.get(ROUND)
          + ": startDate must be yyyy-MM-dd and every an ISO-8601 period (P7D, P1M), not " + row.get(START_DATE) + " / "
          + row.get(EVERY));
    }
    if (every.isZero() || every.isNegative()) {
      throw new ProcessEngineException("planning table " + PLANS + ", plan " + row.get(ROUND) + ": every must be positive");
    }
    // counted from the start each time, so that P1M from the 31st stays at month ends
    for (int n = 0; n <= 100_000; n++) {
      LocalDate next = start.plus(every.multipliedBy(n));
      if (!next.isBefore(day)) {
        return next.equals(day);
      }
    }
    return false;
  }
}
