package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.COUNT_SHEETS;
import static edu.campus.logistics.stocktake.StocktakeVariables.LOOP_COUNTER;

import edu.campus.logistics.cases.JsonVariable;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The sheet a counting task counts: {@code countSheets[loopCounter]}. */
final class CountSheets {

  private CountSheets() {
  }

  static CountSheet of(VariableScope scope) {
    int sheetNo = ((Number) scope.getVariable(LOOP_COUNTER)).intValue();
    return JsonVariable.readList(scope.getVariable(COUNT_SHEETS), CountSheet.class, COUNT_SHEETS, "盘点表").get(sheetNo);
  }
}
