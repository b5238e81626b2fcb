package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.DIFFERENCE_VALUE;
import static edu.campus.logistics.stocktake.StocktakeVariables.SCOPE_LABEL;
import static edu.campus.logistics.stocktake.StocktakeVariables.SHEET_TITLE;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What a counter or approver sees of a stocktake on a task card, and the filter of all open stocktake tasks. */
@Component
@Order(3)
class StocktakeTasklist implements ProcessTasklist {

  static final String STOCKTAKE_TASKS = "清查盘点";

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(SCOPE_LABEL, "清查范围");
    variables.put(SHEET_TITLE, "盘点表");
    variables.put(DIFFERENCE_VALUE, "差异金额(元)");
    return variables;
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(STOCKTAKE_TASKS, "清查的盘点任务和差异审批任务", 5, "#0d9488",
        taskService.createTaskQuery().processDefinitionKey(ProcessKeys.STOCKTAKE),
        List.of(CampusGroup.WAREHOUSE.id(), CampusGroup.GENERAL_AFFAIRS.id(), CampusGroup.PRINCIPAL.id())));
  }
}
