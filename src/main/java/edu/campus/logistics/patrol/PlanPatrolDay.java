package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.SCHOOL_DAY;

import edu.campus.logistics.cases.DeployedDecisions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanPatrolDay}: whether today is a patrol day (decision {@code patrol-calendar}) and,
 * if so, one round per row of {@code patrol-rounds}, both from the patrol-rules.dmn deployed with
 * this version of the process.
 */
@Component("planPatrolDay")
class PlanPatrolDay implements JavaDelegate {

  static final String CALENDAR = "patrol-calendar";
  static final String ROUNDS = "patrol-rounds";

  private final DayPlan plan;

  PlanPatrolDay(DayPlan plan) {
    this.plan = plan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = plan.today();
    DmnDecisionResult calendar = DeployedDecisions.evaluate(execution.getProcessEngineServices(),
        execution.getProcessDefinitionId(), CALENDAR, plan.inputs(day));
    boolean schoolDay = !calendar.isEmpty() && Boolean.TRUE.equals(calendar.getFirstResult().getEntry(SCHOOL_DAY));
    execution.setVariable(SCHOOL_DAY, schoolDay);
    List<Map<String, Object>> rows = schoolDay ? plan.rows(execution, ROUNDS, day) : List.of();
    plan.plan(execution, ChecklistKind.DAILY_PATROL, day, rows);
  }
}
