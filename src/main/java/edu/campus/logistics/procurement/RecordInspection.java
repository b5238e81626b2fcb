package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTION_NOTE;
import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTION_RESULT;
import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTOR_ID;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.ledger.FixedAssets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Inspection 验收 recorded (on complete): the inspector accepted all, accepted part (quantities per
 * line, within what was bought, whole numbers for fixed assets) or rejected the delivery (back to
 * the buyer). Only accepted quantities are stocked later. {@link PrepareInspection} opened the task.
 */
@Component("recordInspection")
public class RecordInspection implements TaskListener {

  private final FixedAssets fixedAssets;

  public RecordInspection(FixedAssets fixedAssets) {
    this.fixedAssets = fixedAssets;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcurementCase procurement = ProcurementCase.of(task);
    List<RequestLine> bought = procurement.purchaseItems();
    String result = String.valueOf(task.getVariable(INSPECTION_RESULT));
    if (!"accepted".equals(result) && Values.text(task, INSPECTION_NOTE) == null) {
      throw Refusal.of("选择“%s”时必须填写验收说明".formatted(FormContract.ofTask(task).optionLabel(INSPECTION_RESULT, result)),
          "an inspection note is required when the result is %s".formatted(result));
    }
    List<AcceptedLine> accepted = switch (result) {
      case "accepted" -> accepting(bought, null);
      case "rejected" -> accepting(bought, BigDecimal.ZERO);
      default -> partial(procurement.acceptedQuantitiesJson(), bought);
    };
    procurement.setAcceptedQuantities(accepted);
    task.setVariable(INSPECTOR_ID, Actor.of(task));
  }

  /** One line per purchase line, accepting the given quantity (null: all that was ordered). */
  static List<AcceptedLine> accepting(List<RequestLine> bought, BigDecimal quantity) {
    return bought.stream().map(line -> new AcceptedLine(line.name(), line.spec(), line.unit(), line.quantity(),
        quantity == null ? line.quantity() : quantity)).toList();
  }

  /** Quantities per line as entered: a number per line (or {accepted}), 0..ordered, whole for fixed assets. */
  private List<AcceptedLine> partial(JsonNode submitted, List<RequestLine> bought) {
    if (submitted == null || !submitted.isArray() || submitted.size() != bought.size()) {
      throw Refusal.of("验收数量必须与采购明细逐行对应（%d行）".formatted(bought.size()),
          "acceptedQuantities must have one line per purchased line (%d)".formatted(bought.size()));
    }
    List<AcceptedLine> lines = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < bought.size(); i++) {
      RequestLine line = bought.get(i);
      JsonNode entry = submitted.get(i);
      BigDecimal accepted = RequestLines.Field.decimal(entry != null && entry.isObject() ? entry.get("accepted") : entry);
      String where = "第%d行（%s）".formatted(i + 1, line.name());
      String whereEn = "line %d (%s)".formatted(i + 1, line.name());
      if (accepted == null || accepted.signum() < 0 || accepted.compareTo(line.quantity()) > 0) {
        throw Refusal.of("验收数量%s必须在0到%s之间".formatted(where, line.quantity().toPlainString()),
            "accepted quantity of %s must be between 0 and %s".formatted(whereEn, line.quantity().toPlainString()));
      }
      if (accepted.stripTrailingZeros().scale() > 3) {
        throw Refusal.of("验收数量%s最多3位小数".formatted(where), "accepted quantity of %s has more than 3 decimals".formatted(whereEn));
      }
      if (fixedAssets.isFixedAsset(line.unitPrice()) && accepted.stripTrailingZeros().scale() > 0) {
        throw Refusal.of("验收数量%s：固定资产必须是整数".formatted(where),
            "accepted quantity of %s: a fixed asset needs a whole number".formatted(whereEn));
      }
      sum = sum.add(accepted);
      lines.add(new AcceptedLine(line.name(), line.spec(), line.unit(), line.quantity(), accepted));
    }
    if (sum.signum() == 0) {
      throw Refusal.of("部分验收至少要接收一件物品，全部不合格请选择“验收不合格，退货”",
          "a partial acceptance accepts something; choose rejected to return everything");
    }
    return lines;
  }
}
