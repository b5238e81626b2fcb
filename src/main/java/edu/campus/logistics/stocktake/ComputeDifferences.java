package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.APPROVAL_COMMENT;
import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_RESULTS;
import static edu.campus.logistics.stocktake.StocktakeVariables.DECISION;
import static edu.campus.logistics.stocktake.StocktakeVariables.DIFFERENCES;
import static edu.campus.logistics.stocktake.StocktakeVariables.DIFFERENCE_VALUE;
import static edu.campus.logistics.stocktake.StocktakeVariables.STOCK_MOVED;
import static edu.campus.logistics.stocktake.StocktakeVariables.STOCK_MOVED_NOTICE;

import edu.campus.logistics.cases.JsonVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ComputeDifferences (计算盘点差异): once every sheet is counted — and again whenever the books
 * moved while the approver had the differences open — the differences against the ledger as it is now,
 * for the approver's form and the approval rule, and a notice of what moved.
 */
@Component("computeDifferences")
public class ComputeDifferences implements JavaDelegate {

  private final StocktakeDifferences differences;
  private final StocktakeStore store;

  public ComputeDifferences(StocktakeDifferences differences, StocktakeStore store) {
    this.differences = differences;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StocktakeDifferences.Result result = differences.compute(execution.getProcessInstanceId());
    boolean again = Boolean.TRUE.equals(execution.getVariable(STOCK_MOVED));
    String moved = result.movements().isEmpty() ? "盘点后账面无出入库。"
        : "盘点后账面有出入库，已计入差异：" + String.join("；", result.movements()) + "。";
    execution.setVariable(STOCK_MOVED_NOTICE, again
        ? "审批期间库存发生了变动，差异已按当前账面重新计算，请核对后重新审批。" + moved : moved);
    execution.setVariable(STOCK_MOVED, false);
    // a decision taken on figures that no longer hold is not offered again on the new approval task
    execution.removeVariable(DECISION);
    execution.removeVariable(APPROVAL_COMMENT);
    execution.setVariable(DIFFERENCES, JsonVariable.write(result.items()));
    execution.setVariable(ASSET_RESULTS, JsonVariable.write(result.assets()));
    execution.setVariable(DIFFERENCE_VALUE, result.value().doubleValue());
    store.status(execution.getProcessInstanceId(), StocktakeStore.APPROVING);
  }
}
