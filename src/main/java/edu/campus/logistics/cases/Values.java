package edu.campus.logistics.cases;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Typed reads of values that already kept their form's contract ({@link FormContract}): what a
 * process needs stored as a type the form cannot say (money with two decimals, a whole number, a
 * yes/no from a radio). Refusals name the field by its form label.
 */
public final class Values {

  private Values() {
  }

  /**
   * Sets the variable unless it holds that value already. The engine records every set as a change — a history
   * detail, for JSON a new byte array at run time and in the history — even when the value is the same; a
   * listener that only normalizes what is already normal writes nothing. JSON is compared as written text.
   */
  public static void setIfChanged(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !holds(scope.getVariableTyped(name), value)) {
      scope.setVariable(name, value);
    }
  }

  private static boolean holds(TypedValue current, Object value) {
    if (value instanceof JsonValue json) {
      return current instanceof JsonValue held && held.getValueSerialized() != null
          && held.getValueSerialized().equals(json.getValueSerialized());
    }
    // other typed values are always written; a plain value equals only a plain value held
    if (value == null || value instanceof TypedValue || current == null || current instanceof JsonValue) {
      return false;
    }
    return value.equals(current.getValue());
  }

  /** Text as the contract left it: trimmed, or null when empty. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof String text && !text.isBlank() ? text.trim() : null;
  }

  /** Money: at most two decimals, stored back as a Double; null when empty. */
  public static BigDecimal money(DelegateTask task, String name) {
    BigDecimal value = decimal(task.getVariable(name));
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw Refusal.of(FormContract.ofTask(task).label(name) + "最多两位小数", name + " has more than two decimals");
    }
    task.setVariable(name, value.doubleValue());
    return value;
  }

  /** A whole number (a select of 1..5), stored back as an Integer. */
  public static int wholeNumber(DelegateTask task, String name) {
    BigDecimal value = decimal(task.getVariable(name));
    if (value == null || value.stripTrailingZeros().scale() > 0) {
      throw Refusal.of(FormContract.ofTask(task).label(name) + "必须是整数", name + " must be a whole number");
    }
    task.setVariable(name, value.intValue());
    return value.intValue();
  }

  /** true/false, also from the strings "true"/"false" that radio buttons submit; stored back as a Boolean. */
  public static boolean yesNo(DelegateTask task, String name) {
    Object raw = task.getVariable(name);
    Boolean value = raw instanceof Boolean flag ? flag
        : raw instanceof String text && (text.trim().equals("true") || text.trim().equals("false"))
            ? Boolean.valueOf(text.trim()) : null;
    if (value == null) {
      throw Refusal.of(FormContract.ofTask(task).label(name) + "必须选择是或否", name + " must be true or false");
    }
    task.setVariable(name, value);
    return value;
  }

  private static BigDecimal decimal(Object raw) {
    if (raw instanceof Double || raw instanceof Float) {
      return BigDecimal.valueOf(((Number) raw).doubleValue());
    }
    if (raw instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (raw instanceof String text && !text.isBlank()) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException malformed) {
        return null;
      }
    }
    return null;
  }
}
