package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.ACCEPTED_QUANTITIES;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_ROUND;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVED_AMOUNT;
import static edu.campus.logistics.procurement.ProcurementVariables.BUYER_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.CATEGORY;
import static edu.campus.logistics.procurement.ProcurementVariables.ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_ROUND;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.TOTAL_AMOUNT;

import edu.campus.logistics.cases.JsonVariable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed view of one procurement's variables, for listeners and delegates. Reads check what they
 * read (variables can be changed through REST), writes store JSON lists as Spin JSON.
 */
public final class ProcurementCase {

  private final VariableScope scope;

  private ProcurementCase(VariableScope scope) {
    this.scope = scope;
  }

  public static ProcurementCase of(VariableScope scope) {
    return new ProcurementCase(scope);
  }

  public String text(String variable) {
    Object value = scope.getVariable(variable);
    return value == null ? null : value.toString();
  }

  public String requesterId() {
    return text(REQUESTER_ID);
  }

  public String buyerId() {
    return text(BUYER_ID);
  }

  public List<RequestLine> items() {
    return RequestLines.parse(JsonVariable.read(scope.getVariable(ITEMS), ITEMS, "采购明细"), ITEMS, "采购明细");
  }

  /** Stores the checked lines and what follows from them: the total under approval and the main category. */
  public void setItems(List<RequestLine> lines) {
    scope.setVariable(ITEMS, JsonVariable.write(lines));
    scope.setVariable(TOTAL_AMOUNT, RequestLines.total(lines).doubleValue());
    scope.setVariable(CATEGORY, RequestLines.mainCategory(lines));
  }

  /** The purchase lines as the buyer last entered them, or null before the first purchase. */
  public List<RequestLine> purchaseItemsOrNull() {
    JsonNode node = JsonVariable.read(scope.getVariable(PURCHASE_ITEMS), PURCHASE_ITEMS, "实际采购明细");
    return node == null ? null : RequestLines.parse(node, PURCHASE_ITEMS, "实际采购明细");
  }

  public List<RequestLine> purchaseItems() {
    List<RequestLine> lines = purchaseItemsOrNull();
    if (lines == null) {
      throw new IllegalStateException("no purchase lines yet");
    }
    return lines;
  }

  public void setPurchaseItems(List<RequestLine> lines) {
    scope.setVariable(PURCHASE_ITEMS, JsonVariable.write(lines));
  }

  public JsonNode acceptedQuantitiesJson() {
    return JsonVariable.read(scope.getVariable(ACCEPTED_QUANTITIES), ACCEPTED_QUANTITIES, "验收数量");
  }

  public void setAcceptedQuantities(List<AcceptedLine> lines) {
    scope.setVariable(ACCEPTED_QUANTITIES, JsonVariable.write(lines));
  }

  /** The accepted lines as stored by the inspection (already checked there). */
  public List<AcceptedLine> acceptedQuantities() {
    JsonNode node = acceptedQuantitiesJson();
    List<AcceptedLine> lines = new ArrayList<>();
    for (JsonNode line : node) {
      lines.add(JsonVariable.MAPPER.convertValue(line, AcceptedLine.class));
    }
    return lines;
  }

  /** The amount under approval (CNY). */
  public BigDecimal totalAmount() {
    return money(TOTAL_AMOUNT);
  }

  public BigDecimal approvedAmount() {
    return money(APPROVED_AMOUNT);
  }

  private BigDecimal money(String variable) {
    Object value = scope.getVariable(variable);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException(variable + " is not a number: " + value);
    }
    return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  public void setMoney(String variable, BigDecimal amount) {
    scope.setVariable(variable, amount.setScale(2, RoundingMode.HALF_UP).doubleValue());
  }

  public int approvalRound() {
    return counter(APPROVAL_ROUND);
  }

  public int purchaseRound() {
    return counter(PURCHASE_ROUND);
  }

  public int increment(String counter) {
    int next = counter(counter) + 1;
    scope.setVariable(counter, next);
    return next;
  }

  private int counter(String variable) {
    Object value = scope.getVariable(variable);
    return value instanceof Number number ? number.intValue() : 0;
  }

  /** Adds an entry to a JSON history list ({@code approvals}, {@code escalations}, ...). */
  public void append(String listVariable, Object entry) {
    JsonNode list = JsonVariable.read(scope.getVariable(listVariable), listVariable, listVariable);
    ArrayNode history = list instanceof ArrayNode array ? array : JsonVariable.MAPPER.createArrayNode();
    history.add(JsonVariable.MAPPER.valueToTree(entry));
    scope.setVariable(listVariable, JsonVariable.write(history));
  }

  public void startList(String listVariable) {
    scope.setVariable(listVariable, JsonVariable.write(List.of()));
  }
}
