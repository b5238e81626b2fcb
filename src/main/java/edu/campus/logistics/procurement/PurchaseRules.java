package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.CATEGORY;

import edu.campus.logistics.cases.DeployedDecisions;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The purchase rules process owners edit in procurement-approval.dmn (decision
 * {@value #DECISION}), read here and nowhere else.
 *
 * @param budgetTolerancePercent how far (in %) the actual total may exceed the approved amount before
 *                               the request goes back through approval
 * @param minQuotes              how many suppliers must quote when quotes are required
 */
record PurchaseRules(BigDecimal budgetTolerancePercent, int minQuotes) {

  static final String DECISION = "procurement-purchase-rules";

  PurchaseRules {
    if (budgetTolerancePercent == null || budgetTolerancePercent.signum() < 0 || minQuotes < 1) {
      throw new ProcessEngineException("decision table " + DECISION + " must give a tolerance >= 0 and at least 1 quote, not "
          + budgetTolerancePercent + " % and " + minQuotes);
    }
  }

  /** The rules for the purchase of this task's request, from the table deployed with its process. */
  static PurchaseRules of(DelegateTask task) {
    DmnDecisionResultEntries rules = DeployedDecisions.evaluate(task.getProcessEngineServices(),
        task.getProcessDefinitionId(), DECISION, Variables.createVariables().putValue(CATEGORY, task.getVariable(CATEGORY)))
        .getFirstResult();
    if (rules == null || !(rules.getEntry("budgetTolerancePercent") instanceof Number tolerance)
        || !(rules.getEntry("minQuotes") instanceof Number quotes)) {
      throw new ProcessEngineException("decision table " + DECISION + " gave no tolerance and minimum quotes for category "
          + task.getVariable(CATEGORY));
    }
    return new PurchaseRules(new BigDecimal(tolerance.toString()), quotes.intValue());
  }

  /** Whether an actual total is more than the tolerance above the approved amount. */
  boolean overBudget(BigDecimal total, BigDecimal approved) {
    BigDecimal limit = approved.multiply(BigDecimal.ONE.add(budgetTolerancePercent.movePointLeft(2)));
    return total.compareTo(limit) > 0;
  }
}
