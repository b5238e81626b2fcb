package edu.campus.logistics.procurement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * JSON variables of the procurement process. They arrive in several shapes: a Spin JSON value (what
 * the Tasklist's form-js submits for lists), a JSON string (REST clients), or a Java list/map (Java
 * callers). The process always stores them back as Spin JSON so that Tasklist forms can show them.
 */
final class ProcurementJson {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /** Longest JSON text accepted for one variable. */
  static final int MAX_CHARS = 100_000;

  private ProcurementJson() {
  }

  /** The variable's value as a JSON tree, or null when absent; malformed JSON is a 400. */
  static JsonNode read(Object raw, String variable, String labelZh) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof SpinJsonNode spin) {
      return parse(spin.toString(), variable, labelZh);
    }
    if (raw instanceof String text) {
      return text.isBlank() ? null : parse(text, variable, labelZh);
    }
    if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
      return MAPPER.valueToTree(raw);
    }
    throw Refusal.of("%s必须是JSON列表".formatted(labelZh),
        "%s must be a JSON list, not %s".formatted(variable, raw.getClass().getSimpleName()));
  }

  private static JsonNode parse(String text, String variable, String labelZh) {
    if (text.length() > MAX_CHARS) {
      throw Refusal.of("%s过长".formatted(labelZh), "%s is longer than %d characters".formatted(variable, MAX_CHARS));
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw Refusal.of("%s不是有效的JSON".formatted(labelZh), "%s is not valid JSON: %s".formatted(variable,
          e.getOriginalMessage()));
    }
  }

  /** A Spin JSON variable value of the given object (a list of records or maps). */
  static JsonValue value(Object object) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(object)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON variable", e);
    }
  }
}
