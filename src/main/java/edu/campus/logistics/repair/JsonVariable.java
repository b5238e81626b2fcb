package edu.campus.logistics.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.json.SpinJsonNode;

/**
 * JSON list variables (partsUsed, escalations): read from whatever a client sent — a JSON variable
 * from Tasklist, a JSON string through REST, Java lists in tests — and written back as Camunda
 * {@code json} variables, which Cockpit shows and the metrics can read.
 */
final class JsonVariable {

  private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

  private JsonVariable() {
  }

  /** The variable as a list of {@code type}; null or empty input gives an empty list. */
  static <T> List<T> readList(Object raw, Class<T> type) throws JsonProcessingException {
    JavaType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof SpinJsonNode json) {
      return MAPPER.readValue(json.toString(), listType);
    }
    if (raw instanceof String text) {
      return text.isBlank() ? List.of() : MAPPER.readValue(text, listType);
    }
    return MAPPER.convertValue(raw, listType);
  }

  static TypedValue write(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON variable", e);
    }
  }
}
