package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.COUNT_SHEETS;
import static edu.campus.logistics.stocktake.StocktakeVariables.INCLUDE_OVERDUE;
import static edu.campus.logistics.stocktake.StocktakeVariables.SCOPE_CATEGORY;
import static edu.campus.logistics.stocktake.StocktakeVariables.SCOPE_LABEL;
import static edu.campus.logistics.stocktake.StocktakeVariables.SCOPE_LOCATION;
import static edu.campus.logistics.stocktake.StocktakeVariables.SCOPE_TYPE;
import static edu.campus.logistics.stocktake.StocktakeVariables.SHEET_COUNT;
import static edu.campus.logistics.stocktake.StocktakeVariables.STARTER_ID;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start listener of StartEvent_StocktakeStarted: turns the scope into count sheets (refused when it
 * matches nothing) and opens the case's report row. Sheets name items and assets, never book quantities.
 */
@Component("planStocktake")
public class PlanStocktake implements ExecutionListener {

  private final StocktakeScope scope;
  private final StocktakeStore store;

  public PlanStocktake(StocktakeScope scope, StocktakeStore store) {
    this.scope = scope;
    this.store = store;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String type = Values.text(execution, SCOPE_TYPE);
    String category = StocktakeScope.CATEGORY.equals(type) ? Values.text(execution, SCOPE_CATEGORY) : null;
    String location = StocktakeScope.LOCATION.equals(type) ? Values.text(execution, SCOPE_LOCATION) : null;
    Object overdue = execution.getVariable(INCLUDE_OVERDUE);
    boolean includeOverdue = Boolean.TRUE.equals(overdue) || "true".equals(overdue);
    execution.setVariable(INCLUDE_OVERDUE, includeOverdue);
    StocktakeScope.Plan plan = scope.plan(type, category, location, includeOverdue);
    execution.setVariable(COUNT_SHEETS, JsonVariable.write(plan.sheets()));
    execution.setVariable(SHEET_COUNT, plan.sheets().size());
    execution.setVariable(SCOPE_LABEL, plan.label());
    store.open(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), type,
        category != null ? category : location, plan.label(), (String) execution.getVariable(STARTER_ID),
        ClockUtil.getCurrentTime().toInstant());
  }
}
