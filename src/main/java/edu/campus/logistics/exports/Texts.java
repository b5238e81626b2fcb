package edu.campus.logistics.exports;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** Small pieces the register exports share: JSON list items as text, people, a case's state. */
final class Texts {

  private Texts() {
  }

  static Stream<JsonNode> elements(JsonNode node) {
    return node.isArray() ? StreamSupport.stream(node.spliterator(), false) : Stream.empty();
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  static String optional(String prefix, String value) {
    return optional(prefix, value, "");
  }

  static String optional(String prefix, String value, String suffix) {
    return value == null || value.isBlank() ? "" : prefix + value + suffix;
  }

  static String person(Map<String, String> people, String userId) {
    return userId == null || userId.isBlank() ? null : people.getOrDefault(userId, userId);
  }

  /** The 合计 row: "合计", the count as text in {@code countColumn}, and the given totals by column. */
  static List<Object> totalRow(int countColumn, String count, Map<Integer, BigDecimal> totals) {
    int width = Math.max(countColumn, totals.keySet().stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
    List<Object> row = new ArrayList<>(Collections.nCopies(width, null));
    row.set(0, "合计");
    row.set(countColumn, count);
    totals.forEach(row::set);
    return row;
  }

  /** The case's own end state (from the end event it reached) when it has one, else what the engine says. */
  static String state(HistoricProcessInstance instance, String outcome) {
    if (outcome != null) {
      return outcome;
    }
    return switch (instance.getState()) {
      case HistoricProcessInstance.STATE_ACTIVE -> "进行中";
      case HistoricProcessInstance.STATE_SUSPENDED -> "已挂起";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED, HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "已终止";
      default -> "已结束";
    };
  }
}
