package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.ASSET_TAGS;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE_ACTION;
import static edu.campus.logistics.requisition.RequisitionVariables.STOREKEEPER_ID;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AssetStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_IssueGoods} (发放物品): records the storekeeper, asks what to do with a
 * shortage (待到货补发 backorder, 发起采购 procure, 放弃缺货部分 withdraw), and checks the asset
 * cards handed out: one existing, not retired card of the item per fixed-asset unit issued.
 */
@Component("issueGoodsListener")
public class IssueGoodsListener implements TaskListener {

  static final Set<String> ACTIONS = Set.of("backorder", "procure", "withdraw");

  private final AssetRegister assets;

  public IssueGoodsListener(AssetRegister assets) {
    this.assets = assets;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(STOREKEEPER_ID, Actor.of(task));
    if (Boolean.TRUE.equals(task.getVariable(SHORTAGE))) {
      String action = Values.text(task, SHORTAGE_ACTION);
      if (action == null || !ACTIONS.contains(action)) {
        throw Refusal.of("有缺货：请选择缺货处理方式", "shortageAction (backorder | procure | withdraw) is required when stock is short");
      }
    } else {
      task.setVariable(SHORTAGE_ACTION, null);
    }
    task.setVariable(ASSET_TAGS, checkedTags(task, RequisitionCase.of(task).lines()));
  }

  private String checkedTags(DelegateTask task, List<RequisitionLine> lines) {
    String text = Values.text(task, ASSET_TAGS);
    Set<String> tags = new LinkedHashSet<>();
    if (text != null) {
      for (String tag : text.toUpperCase().split("[,，;；\\s]+")) {
        if (!tag.isBlank() && !tags.add(tag)) {
          throw Refusal.of("资产编号重复：" + tag, "asset tag " + tag + " is listed twice");
        }
      }
    }
    Map<String, RequisitionLine> assetLines = new HashMap<>();
    lines.stream().filter(line -> line.fixedAsset() && line.reserved().signum() > 0)
        .forEach(line -> assetLines.put(line.itemCode(), line));
    Map<String, Integer> perItem = new HashMap<>();
    for (String tag : tags) {
      Asset asset = assets.find(tag).orElseThrow(() -> Refusal.of("资产台账中没有资产编号“" + tag + "”",
          "unknown asset tag " + tag));
      if (!assetLines.containsKey(asset.itemCode())) {
        throw Refusal.of("资产“%s”（%s）不是本次发放的物品".formatted(tag, asset.name()),
            "asset " + tag + " is not an item issued now");
      }
      if (asset.status() == AssetStatus.RETIRED) {
        throw Refusal.of("资产“" + tag + "”已报废，不能发放", "asset " + tag + " is retired");
      }
      perItem.merge(asset.itemCode(), 1, Integer::sum);
    }
    for (RequisitionLine line : assetLines.values()) {
      int given = perItem.getOrDefault(line.itemCode(), 0);
      if (BigDecimal.valueOf(given).compareTo(line.reserved()) != 0) {
        throw Refusal.of("%s本次发放%s%s，请填写同样数量的资产编号（已填%d个）".formatted(line.name(),
                RequisitionCase.plain(line.reserved()), line.unit(), given),
            "%s: %s units issued need as many asset tags, got %d".formatted(line.itemCode(),
                RequisitionCase.plain(line.reserved()), given));
      }
    }
    return tags.isEmpty() ? null : String.join(",", tags);
  }

  static List<String> tags(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",")).filter(tag -> !tag.isBlank()).toList();
  }
}
