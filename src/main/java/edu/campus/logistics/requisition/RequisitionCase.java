package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.ISSUE_ROUND;
import static edu.campus.logistics.requisition.RequisitionVariables.LINES;
import static edu.campus.logistics.requisition.RequisitionVariables.REQUESTER_ID;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads and writes of a requisition's variables. */
final class RequisitionCase {

  private final VariableScope scope;

  private RequisitionCase(VariableScope scope) {
    this.scope = scope;
  }

  static RequisitionCase of(VariableScope scope) {
    return new RequisitionCase(scope);
  }

  List<RequisitionLine> lines() {
    return JsonVariable.readList(scope.getVariable(LINES), RequisitionLine.class, LINES, "领用明细");
  }

  void setLines(List<RequisitionLine> lines) {
    scope.setVariable(LINES, JsonVariable.write(lines));
  }

  String requesterId() {
    return Values.text(scope, REQUESTER_ID);
  }

  String text(String name) {
    return Values.text(scope, name);
  }

  int issueRound() {
    Object round = scope.getVariable(ISSUE_ROUND);
    return round instanceof Number number ? number.intValue() : 0;
  }

  /** The reservation of the current round: {@code requisition:<processInstanceId>:round<n>}. */
  static String reservationKey(DelegateExecution execution, int round) {
    return "requisition:" + execution.getProcessInstanceId() + ":round" + round;
  }

  void append(String name, Map<String, Object> entry) {
    List<Object> list = new ArrayList<>(JsonVariable.readList(scope.getVariable(name), Object.class, name, name));
    list.add(entry);
    scope.setVariable(name, JsonVariable.write(list));
  }

  static BigDecimal sum(List<RequisitionLine> lines, java.util.function.Function<RequisitionLine, BigDecimal> figure) {
    return lines.stream().map(figure).map(value -> value == null ? BigDecimal.ZERO : value)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static String json(Object value) {
    try {
      return JsonVariable.MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A quantity as people read it: 3, 2.5. */
  static String plain(BigDecimal quantity) {
    return quantity == null ? "0" : quantity.stripTrailingZeros().toPlainString();
  }
}
