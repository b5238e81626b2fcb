package edu.campus.logistics.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * JSON variables of every process (lines, quotes, parts, approvals, escalations): one writer and
 * one reader. They arrive as a Spin JSON value (what Tasklist's form-js submits for lists), a JSON
 * string (REST clients) or Java lists and maps (Java callers, tests); they are always stored as
 * Camunda {@code json} variables, which Cockpit shows and the forms and metrics read. Records are
 * the shape of an entry ({@link Escalation}, the processes' line records).
 */
public final class JsonVariable {

  /** Numbers with a fraction are read as BigDecimal: quantities and money keep their digits. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** Longest JSON text accepted for one variable. */
  public static final int MAX_CHARS = 100_000;

  private JsonVariable() {
  }

  /** The variable as a JSON tree, or null when absent or blank; anything else than JSON is refused. */
  public static JsonNode read(Object raw, String name, String label) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof SpinJsonNode spin) {
      return parse(spin.toString(), name, label);
    }
    if (raw instanceof String text) {
      return text.isBlank() ? null : parse(text, name, label);
    }
    if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
      return MAPPER.valueToTree(raw);
    }
    throw Refusal.of(label + "必须是JSON列表", name + " must be a JSON list, not " + raw.getClass().getSimpleName());
  }

  /** The variable as a list of records; absent gives an empty list, a list of another shape is refused. */
  public static <T> List<T> readList(Object raw, Class<T> type, String name, String label) {
    JsonNode node = read(raw, name, label);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw Refusal.of(label + "必须是列表", name + " must be a JSON list");
    }
    JavaType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    try {
      return MAPPER.convertValue(node, listType);
    } catch (IllegalArgumentException misshapen) {
      throw Refusal.of(label + "格式不正确", name + " is not a list of " + type.getSimpleName() + ": "
          + misshapen.getMessage());
    }
  }

  /** A Camunda JSON value of the given object (a list of records or maps, a tree). */
  public static JsonValue write(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON variable", e);
    }
  }

  private static JsonNode parse(String text, String name, String label) {
    if (text.length() > MAX_CHARS) {
      throw Refusal.of(label + "过长", name + " is longer than " + MAX_CHARS + " characters");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw Refusal.of(label + "不是有效的JSON", name + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
