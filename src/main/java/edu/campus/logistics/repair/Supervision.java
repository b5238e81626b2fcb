package edu.campus.logistics.repair;

import edu.campus.logistics.cases.DeployedDecisions;
import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Who supervises an overdue repair (三级督查), as process owners set it in repair-sla.dmn (decision
 * {@value #DECISION}): by how many times the stage is overdue, the level (一级/二级督办) and the
 * group. Read here and nowhere else.
 */
record Supervision(int level, CampusGroup group) {

  static final String DECISION = "repair-supervision";
  /** The decision's input: how many times the stage is overdue now (1 = the first time). */
  static final String OVERDUE_COUNT = RepairVariables.OVERDUE_COUNT;

  /** The supervision for the {@code overdueCount}-th time a stage of this case is overdue. */
  static Supervision of(DelegateExecution execution, int overdueCount) {
    DmnDecisionResultEntries result = DeployedDecisions.evaluate(execution.getProcessEngineServices(),
        execution.getProcessDefinitionId(), DECISION, Variables.createVariables().putValue(OVERDUE_COUNT, overdueCount))
        .getSingleResult();
    Object level = result == null ? null : result.getEntry("escalationLevel");
    Object group = result == null ? null : result.getEntry("supervisionGroup");
    if (!(level instanceof Number number) || number.intValue() < 1) {
      throw new ProcessEngineException("decision table " + DECISION + " gave no level >= 1 for overdue count "
          + overdueCount + ": " + level);
    }
    return new Supervision(number.intValue(), CampusGroup.byId(group == null ? null : group.toString())
        .orElseThrow(() -> new ProcessEngineException("decision table " + DECISION + " names no known group for overdue count "
            + overdueCount + ": " + group)));
  }
}
