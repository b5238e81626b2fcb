package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.NEEDED_BY;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
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

  static final int MAX_YEARS_AHEAD = 2;

  private RequestChecks() {
  }

  /**
   * Checks what the form cannot say — the needed-by date lies between today and two years ahead, the
   * lines add up and their categories are known, catalogue lines name a known item and agree with
   * it, no item is on two lines ({@link CatalogueLines}) — and stores the lines, total and category. The
   * form's own contract (department, reason, required fields of each line) was checked before.
   */
  static void checkAndStore(VariableScope scope, ItemCatalogue catalogue) {
    ProcurementCase procurement = ProcurementCase.of(scope);
    Values.setIfChanged(scope, NEEDED_BY, neededBy(scope).toString());
    procurement.setItems(CatalogueLines.resolve(procurement.items(), catalogue));
  }

  private static LocalDate neededBy(VariableScope scope) {
    String text = Values.text(scope, NEEDED_BY);
    if (text == null) {
      throw Refusal.required("需用日期", NEEDED_BY);
    }
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
