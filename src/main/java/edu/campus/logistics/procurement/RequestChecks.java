package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.DEPARTMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.NEEDED_BY;
import static edu.campus.logistics.procurement.ProcurementVariables.REASON;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The checks of a purchase request as the requester fills it in (start form, and again on
 * resubmission after "revise"). Each failure is a 400 and nothing is stored.
 */
final class RequestChecks {

  static final int MAX_DEPARTMENT = 50;
  static final int MAX_REASON = 500;
  static final int MAX_YEARS_AHEAD = 2;

  private RequestChecks() {
  }

  /** Checks department, reason, needed-by date and lines; stores the lines, total and category. */
  static void checkAndStore(VariableScope scope) {
    ProcurementCase procurement = ProcurementCase.of(scope);
    scope.setVariable(DEPARTMENT, requiredText(scope, DEPARTMENT, "申请部门", MAX_DEPARTMENT));
    scope.setVariable(REASON, requiredText(scope, REASON, "申请事由", MAX_REASON));
    scope.setVariable(NEEDED_BY, neededBy(scope).toString());
    procurement.setItems(procurement.items());
  }

  static String requiredText(VariableScope scope, String variable, String labelZh, int maxLength) {
    Object value = scope.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw Refusal.of(labelZh + "不能为空", variable + " is required");
    }
    if (!(value instanceof String text)) {
      throw Refusal.of(labelZh + "必须是文字", variable + " must be a string");
    }
    if (text.trim().length() > maxLength) {
      throw Refusal.of(labelZh + "最多" + maxLength + "个字", variable + " is longer than " + maxLength + " characters");
    }
    return text.trim();
  }

  static String optionalText(VariableScope scope, String variable, String labelZh, int maxLength) {
    Object value = scope.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return requiredText(scope, variable, labelZh, maxLength);
  }

  private static LocalDate neededBy(VariableScope scope) {
    String text = requiredText(scope, NEEDED_BY, "需用日期", 10);
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Refusal.of("需用日期格式应为 yyyy-MM-dd", "neededBy must be a date yyyy-MM-dd, got " + text);
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    if (date.isBefore(today)) {
      throw Refusal.of("需用日期不能早于今天", "neededBy " + date + " is in the past");
    }
    if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
      throw Refusal.of("需用日期不能晚于" + MAX_YEARS_AHEAD + "年以后",
          "neededBy " + date + " is more than " + MAX_YEARS_AHEAD + " years ahead");
    }
    return date;
  }
}
