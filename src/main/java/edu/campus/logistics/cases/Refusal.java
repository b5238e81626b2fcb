package edu.campus.logistics.cases;

import java.util.Collection;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The one refusal of bad input by every process: Chinese first (what Tasklist shows), then English
 * for the API and the logs, {@code "中文 / English"}. It is a {@link BadUserRequestException}, so the
 * REST refusal mapper answers it with 400 and this message, and the engine rolls the command back:
 * a refused start leaves no instance, a refused completion leaves the task and its variables as
 * they were. One rule, one wording: the factory methods below are the wordings of the form contract
 * (docs/glossary.md, "Messages"), used by the named checks too.
 */
public final class Refusal extends BadUserRequestException {

  private Refusal(String message) {
    super(message);
  }

  public static Refusal of(String chinese, String english) {
    return new Refusal(chinese + " / " + english);
  }

  public static Refusal required(String label, String name) {
    return of(label + "必填", name + " is required");
  }

  public static Refusal notText(String label, String name) {
    return of(label + "必须是文本", name + " must be a string");
  }

  public static Refusal tooLong(String label, String name, int max) {
    return of(label + "最多" + max + "个字", name + " is longer than " + max + " characters");
  }

  public static Refusal tooShort(String label, String name, int min) {
    return of(label + "至少" + min + "个字", name + " is shorter than " + min + " characters");
  }

  public static Refusal notNumber(String label, String name) {
    return of(label + "必须是数字", name + " must be a number");
  }

  public static Refusal belowMin(String label, String name, Object min) {
    return of(label + "不能小于" + min, name + " must be at least " + min);
  }

  public static Refusal aboveMax(String label, String name, Object max) {
    return of(label + "不能大于" + max, name + " must be at most " + max);
  }

  public static Refusal badFormat(String label, String name, String pattern) {
    return of(label + "格式不正确", name + " does not match " + pattern);
  }

  public static Refusal notOneOf(String label, String name, Object value, Collection<String> allowed) {
    return of(label + "取值无效：" + value, name + " must be one of " + String.join(", ", allowed) + " (got " + value + ")");
  }
}
