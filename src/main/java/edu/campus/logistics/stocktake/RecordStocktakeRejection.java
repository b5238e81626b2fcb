package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_RESULTS;
import static edu.campus.logistics.stocktake.StocktakeVariables.DIFFERENCES;

import edu.campus.logistics.cases.JsonVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Task_RecordRejection (记录驳回): the rejected stocktake's report is kept as it stood; nothing is posted. */
@Component("recordStocktakeRejection")
public class RecordStocktakeRejection implements JavaDelegate {

  private final StocktakeStore store;

  public RecordStocktakeRejection(StocktakeStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    store.writeReport(execution.getProcessBusinessKey(),
        JsonVariable.readList(execution.getVariable(DIFFERENCES), DifferenceLine.class, DIFFERENCES, "盘点差异"),
        JsonVariable.readList(execution.getVariable(ASSET_RESULTS), AssetResult.class, ASSET_RESULTS, "资产盘点结果"));
    store.closed(execution.getProcessInstanceId(), StocktakeStore.REJECTED, ClockUtil.getCurrentTime().toInstant());
  }
}
