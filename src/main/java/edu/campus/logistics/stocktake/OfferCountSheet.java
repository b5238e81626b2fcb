package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_FINDINGS;
import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_OPTIONS;
import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_TAG;
import static edu.campus.logistics.stocktake.StocktakeVariables.COUNTED_ITEMS;
import static edu.campus.logistics.stocktake.StocktakeVariables.ITEM_CODE;
import static edu.campus.logistics.stocktake.StocktakeVariables.ITEM_OPTIONS;
import static edu.campus.logistics.stocktake.StocktakeVariables.SHEET_KIND;
import static edu.campus.logistics.stocktake.StocktakeVariables.SHEET_TITLE;

import edu.campus.logistics.cases.JsonVariable;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_CountStock (盘点): puts the task's sheet on its form, as variables local to the
 * task and to its execution (one per sheet) so that parallel counts never share one — one row per item (quantity left empty: the counter writes
 * what is there, the book quantity is nowhere on the task) and one per asset.
 */
@Component("offerCountSheet")
public class OfferCountSheet implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CountSheet sheet = CountSheets.of(task);
    task.setVariableLocal(SHEET_TITLE, sheet.title());
    task.setVariableLocal(SHEET_KIND, sheet.kind());
    task.setVariableLocal(ITEM_OPTIONS, JsonVariable.write(sheet.items().stream()
        .map(item -> Map.of("label", item.label(), "value", item.itemCode())).toList()));
    task.setVariableLocal(ASSET_OPTIONS, JsonVariable.write(sheet.assets().stream()
        .map(asset -> Map.of("label", asset.label(), "value", asset.assetTag())).toList()));
    // on the task's own execution (one per parallel count): a completion sets its variables there
    task.getExecution().setVariableLocal(COUNTED_ITEMS, JsonVariable.write(sheet.items().stream()
        .map(item -> Map.of(ITEM_CODE, item.itemCode())).toList()));
    task.getExecution().setVariableLocal(ASSET_FINDINGS, JsonVariable.write(sheet.assets().stream()
        .map(asset -> Map.of(ASSET_TAG, asset.assetTag())).toList()));
  }
}
