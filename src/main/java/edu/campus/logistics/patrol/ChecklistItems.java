package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.ITEM;
import static edu.campus.logistics.patrol.PatrolVariables.ITEM_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.REPAIR_CATEGORY;

import edu.campus.logistics.cases.DeployedDecisions;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineServices;

/** The checklist items of a process (patrol-items, inspection-items): code → name and repair category. */
final class ChecklistItems {

  /** One checklist item as its table names it. */
  record Item(String code, String name, String repairCategory) {
  }

  private ChecklistItems() {
  }

  /** The item of that code in the table deployed with the process definition, if the table has it. */
  static Optional<Item> find(ProcessEngineServices engine, String processDefinitionId, ChecklistKind kind, String code) {
    DmnDecisionResult result = DeployedDecisions.evaluate(engine, processDefinitionId, kind.itemsDecision,
        Map.of(ITEM, code));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    return Optional.of(new Item(code, String.valueOf(row.get(ITEM_NAME)), String.valueOf(row.get(REPAIR_CATEGORY))));
  }
}
