package edu.campus.logistics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One process instance as the history recorded it: times, the end event it reached (null while it
 * runs) and the latest value of the variables asked for.
 */
record CaseFacts(String id, String processKey, String businessKey, Instant startedAt, Instant endedAt,
                 String endActivityId, Map<String, Object> variables) {

  boolean open() {
    return endedAt == null;
  }

  String text(String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }

  Instant instant(String name) {
    return variables.get(name) instanceof Instant instant ? instant : null;
  }

  Long number(String name) {
    return variables.get(name) instanceof Number number ? number.longValue() : null;
  }

  Double decimal(String name) {
    return variables.get(name) instanceof Number number ? number.doubleValue() : null;
  }

  Boolean flag(String name) {
    return variables.get(name) instanceof Boolean flag ? flag : null;
  }

  /** A JSON variable's array elements; empty when the variable is missing. */
  Iterable<JsonNode> list(String name) {
    return variables.get(name) instanceof JsonNode node && node.isArray() ? node : java.util.List.of();
  }
}
