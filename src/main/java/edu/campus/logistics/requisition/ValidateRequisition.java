package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.APPROVALS;
import static edu.campus.logistics.requisition.RequisitionVariables.DEPARTMENT;
import static edu.campus.logistics.requisition.RequisitionVariables.ISSUED_TOTAL;
import static edu.campus.logistics.requisition.RequisitionVariables.ISSUE_ROUND;
import static edu.campus.logistics.requisition.RequisitionVariables.LINES;
import static edu.campus.logistics.requisition.RequisitionVariables.REQUESTER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a requisition (提出领用申请): fixes the requester and their department, and checks the
 * lines against the catalogue — every item code known, a quantity above zero and whole for units
 * counted in pieces, no item twice. A bad request is refused with a 400 before any instance exists.
 * The form's own contract (required fields, lengths) was checked before.
 */
@Component("validateRequisition")
public class ValidateRequisition implements ExecutionListener {

  static final int MAX_LINES = 50;
  static final BigDecimal MAX_QUANTITY = new BigDecimal("100000");
  static final String LABEL = "领用明细";
  /** The Camunda user info key that holds a person's department. */
  static final String DEPARTMENT_INFO = "department";

  private final IdentityService identityService;
  private final LedgerService ledger;
  private final RequisitionSettings settings;

  public ValidateRequisition(IdentityService identityService, LedgerService ledger, RequisitionSettings settings) {
    this.identityService = identityService;
    this.ledger = ledger;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String requester = Actor.starter(execution, identityService, REQUESTER_ID);
    execution.setVariable(REQUESTER_ID, requester);
    execution.setVariable(DEPARTMENT, identityService.getUserInfo(requester, DEPARTMENT_INFO));
    RequisitionCase.of(execution).setLines(checkedLines(execution.getVariable(LINES)));
    execution.setVariable(APPROVALS, JsonVariable.write(List.of()));
    execution.setVariable(ISSUE_ROUND, 0);
    execution.setVariable(ISSUED_TOTAL, 0.0);
  }

  List<RequisitionLine> checkedLines(Object raw) {
    JsonNode rows = JsonVariable.read(raw, LINES, LABEL);
    if (rows == null || !rows.isArray() || rows.isEmpty()) {
      throw Refusal.of(LABEL + "必填：请至少领用一种物品", LINES + " needs at least one line");
    }
    if (rows.size() > MAX_LINES) {
      throw Refusal.of(LABEL + "最多" + MAX_LINES + "行", LINES + " has more than " + MAX_LINES + " lines");
    }
    List<RequisitionLine> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int row = i + 1;
      JsonNode line = rows.get(i);
      String code = text(line, "itemCode");
      if (code == null) {
        throw Refusal.of(rowLabel(row) + "物品编码必填", "line " + row + ": itemCode is required");
      }
      code = code.toUpperCase();
      Item item = ledger.findItem(code).orElse(null);
      if (item == null) {
        throw Refusal.of(rowLabel(row) + "物品目录中没有编码为“" + code + "”的物品",
            "line " + row + ": unknown item code " + code);
      }
      Integer earlier = seen.putIfAbsent(code, row);
      if (earlier != null) {
        throw Refusal.of(rowLabel(row) + item.name() + "与第" + earlier + "行重复，请合并为一行",
            "line " + row + ": item " + code + " is already on line " + earlier);
      }
      BigDecimal quantity = quantity(line, row, item);
      lines.add(new RequisitionLine(code, quantity, text(line, "purpose"), item.name(), item.spec(), item.unit(),
          item.category(), null, item.averageCost(), BigDecimal.ZERO, BigDecimal.ZERO, quantity));
    }
    return lines;
  }

  private BigDecimal quantity(JsonNode line, int row, Item item) {
    JsonNode value = line.get("quantity");
    BigDecimal quantity = null;
    if (value != null && value.isNumber()) {
      quantity = value.decimalValue();
    } else if (value != null && value.isTextual() && !value.asText().isBlank()) {
      try {
        quantity = new BigDecimal(value.asText().trim());
      } catch (NumberFormatException notANumber) {
        throw Refusal.of(rowLabel(row) + "数量必须是数字", "line " + row + ": quantity must be a number");
      }
    }
    if (quantity == null) {
      throw Refusal.of(rowLabel(row) + "数量必填", "line " + row + ": quantity is required");
    }
    if (quantity.signum() <= 0) {
      throw Refusal.of(rowLabel(row) + "数量必须大于0", "line " + row + ": quantity must be above zero");
    }
    if (quantity.compareTo(MAX_QUANTITY) > 0) {
      throw Refusal.of(rowLabel(row) + "数量不能大于" + MAX_QUANTITY, "line " + row + ": quantity above " + MAX_QUANTITY);
    }
    if (!settings.divisible(item.unit()) && quantity.stripTrailingZeros().scale() > 0) {
      throw Refusal.of(rowLabel(row) + "数量必须是整数（单位：" + item.unit() + "）",
          "line " + row + ": " + item.unit() + " is counted in whole units, got " + quantity.toPlainString());
    }
    if (quantity.stripTrailingZeros().scale() > 3) {
      throw Refusal.of(rowLabel(row) + "数量最多三位小数", "line " + row + ": quantity has more than three decimals");
    }
    return quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros();
  }

  private static String text(JsonNode line, String field) {
    JsonNode value = line == null ? null : line.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
  }

  private static String rowLabel(int row) {
    return LABEL + "第" + row + "行：";
  }
}
