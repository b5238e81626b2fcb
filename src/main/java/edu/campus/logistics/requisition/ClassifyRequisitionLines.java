package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.CATEGORY;
import static edu.campus.logistics.requisition.RequisitionVariables.CONSUMABLE_VALUE;
import static edu.campus.logistics.requisition.RequisitionVariables.COPYING_SUPPLIES;
import static edu.campus.logistics.requisition.RequisitionVariables.FIXED_ASSET;
import static edu.campus.logistics.requisition.RequisitionVariables.FIXED_ASSETS;
import static edu.campus.logistics.requisition.RequisitionVariables.ITEM_CLASS;
import static edu.campus.logistics.requisition.RequisitionVariables.ITEM_CODE;

import edu.campus.logistics.cases.DeployedDecisions;
import edu.campus.logistics.ledger.FixedAssets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ClassifyLines} (物品分类): each line's class from the decision table
 * requisition-item-class (paper and copying supplies, fixed assets, consumables), and the three
 * inputs of requisition-approval: whether the request has copying supplies, fixed assets, and what
 * its consumables are worth at moving-average cost.
 */
@Component("classifyRequisitionLines")
public class ClassifyRequisitionLines implements JavaDelegate {

  static final String ITEM_CLASS_DECISION = "requisition-item-class";

  private final FixedAssets fixedAssets;

  public ClassifyRequisitionLines(FixedAssets fixedAssets) {
    this.fixedAssets = fixedAssets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RequisitionCase requisition = RequisitionCase.of(execution);
    List<RequisitionLine> classified = new ArrayList<>();
    boolean copying = false;
    boolean assets = false;
    BigDecimal consumableValue = BigDecimal.ZERO;
    for (RequisitionLine line : requisition.lines()) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put(ITEM_CODE, line.itemCode());
      inputs.put(CATEGORY, line.category());
      inputs.put(FIXED_ASSET, fixedAssets.isFixedAsset(line.unitCost()));
      Object itemClass = DeployedDecisions.evaluate(execution.getProcessEngineServices(),
          execution.getProcessDefinitionId(), ITEM_CLASS_DECISION, inputs).getSingleResult().getEntry(ITEM_CLASS);
      RequisitionLine result = line.classified(String.valueOf(itemClass));
      copying |= RequisitionLine.COPYING.equals(result.itemClass());
      assets |= result.fixedAsset();
      if (!RequisitionLine.COPYING.equals(result.itemClass()) && !result.fixedAsset()) {
        consumableValue = consumableValue.add(line.quantity().multiply(line.unitCost()));
      }
      classified.add(result);
    }
    requisition.setLines(classified);
    execution.setVariable(COPYING_SUPPLIES, copying);
    execution.setVariable(FIXED_ASSETS, assets);
    execution.setVariable(CONSUMABLE_VALUE, consumableValue.setScale(2, RoundingMode.HALF_UP).doubleValue());
  }
}
