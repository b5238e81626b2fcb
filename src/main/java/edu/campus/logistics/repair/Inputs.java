package edu.campus.logistics.repair;

import java.math.BigDecimal;
import java.util.Collection;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Server-side checks of what people submit (forms can be bypassed through REST). Every refusal is a
 * {@link BadUserRequestException} with a message in the users' language and in English, thrown
 * before anything changes; values are normalized (trimmed text, typed numbers) when they pass.
 */
final class Inputs {

  private Inputs() {
  }

  static BadUserRequestException refuse(String message) {
    return new BadUserRequestException(message);
  }

  /** Trimmed text of 1..max characters, stored back trimmed. */
  static String requiredText(VariableScope scope, String name, String label, int max) {
    String value = optionalText(scope, name, label, max);
    if (value == null) {
      throw refuse(label + "必填 / " + name + " is required");
    }
    return value;
  }

  /** Trimmed text of at most max characters, or null when empty; stored back trimmed (or null). */
  static String optionalText(VariableScope scope, String name, String label, int max) {
    Object raw = scope.getVariable(name);
    if (raw != null && !(raw instanceof String)) {
      throw refuse(label + "必须是文本 / " + name + " must be a string");
    }
    String value = raw == null ? null : ((String) raw).trim();
    if (value != null && value.isEmpty()) {
      value = null;
    }
    if (value != null && value.length() > max) {
      throw refuse(label + "最多" + max + "个字 / " + name + " is longer than " + max + " characters");
    }
    if (raw != null || scope.hasVariable(name)) {
      scope.setVariable(name, value);
    }
    return value;
  }

  static String oneOf(VariableScope scope, String name, String label, Collection<String> allowed) {
    Object raw = scope.getVariable(name);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      throw refuse(label + "必填 / " + name + " is required (one of " + String.join(", ", allowed) + ")");
    }
    String value = raw.toString().trim();
    if (!allowed.contains(value)) {
      throw refuse(label + "取值无效：" + value + " / " + name + " must be one of " + String.join(", ", allowed));
    }
    scope.setVariable(name, value);
    return value;
  }

  /** A number within [min, max], stored back as a Double with at most two decimals (money). */
  static BigDecimal amount(VariableScope scope, String name, String label, BigDecimal min, BigDecimal max, boolean required) {
    Object raw = scope.getVariable(name);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      if (required) {
        throw refuse(label + "必填 / " + name + " is required");
      }
      return null;
    }
    BigDecimal value = decimal(raw, name, label);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw refuse(label + "须在" + min.toPlainString() + "到" + max.toPlainString() + "之间 / " + name
          + " must be between " + min.toPlainString() + " and " + max.toPlainString());
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw refuse(label + "最多两位小数 / " + name + " has more than two decimals");
    }
    scope.setVariable(name, value.doubleValue());
    return value;
  }

  /** A whole number within [min, max], stored back as an Integer. */
  static int wholeNumber(VariableScope scope, String name, String label, int min, int max) {
    Object raw = scope.getVariable(name);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      throw refuse(label + "必填 / " + name + " is required");
    }
    BigDecimal value = decimal(raw, name, label);
    if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw refuse(label + "须为" + min + "到" + max + "的整数 / " + name + " must be a whole number from " + min + " to " + max);
    }
    scope.setVariable(name, value.intValue());
    return value.intValue();
  }

  /** true/false, also from the strings "true"/"false" that radio buttons submit; stored back as a Boolean. */
  static boolean yesNo(VariableScope scope, String name, String label) {
    Object raw = scope.getVariable(name);
    Boolean value = raw instanceof Boolean flag ? flag
        : raw instanceof String text && (text.trim().equals("true") || text.trim().equals("false")) ? Boolean.valueOf(text.trim())
        : null;
    if (value == null) {
      throw refuse(label + "必须选择是或否 / " + name + " must be true or false");
    }
    scope.setVariable(name, value);
    return value;
  }

  static BigDecimal decimal(Object raw, String name, String label) {
    try {
      if (raw instanceof Number number) {
        if (raw instanceof Double || raw instanceof Float) {
          double d = number.doubleValue();
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException();
          }
          return BigDecimal.valueOf(d);
        }
        return new BigDecimal(number.toString());
      }
      if (raw instanceof String text) {
        return new BigDecimal(text.trim());
      }
    } catch (NumberFormatException malformed) {
      // refused below with the field's label
    }
    throw refuse(label + "必须是数字 / " + name + " must be a number");
  }
}
