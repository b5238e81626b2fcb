package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.AREA;
import static edu.campus.logistics.patrol.PatrolVariables.AREA_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.ASSET_CATEGORY;
import static edu.campus.logistics.patrol.PatrolVariables.ASSET_TAG;
import static edu.campus.logistics.patrol.PatrolVariables.EVERY;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.START_DATE;

import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AssetStatus;
import edu.campus.logistics.ledger.AuditedAsset;
import edu.campus.logistics.ledger.ItemCategory;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanInspections}: the rows of {@code inspection-plans} due today. A plan is due on its
 * start date and every interval after it ({@code P1D}, {@code P7D}, {@code P1M}, any {@code P<n>D}); a
 * plan for a place gives one checklist, a plan for an asset category one per asset of it.
 */
@Component("planInspections")
class PlanInspections implements JavaDelegate {

  static final String PLANS = "inspection-plans";

  private final DayPlan plan;
  private final AssetRegister assets;

  PlanInspections(DayPlan plan, AssetRegister assets) {
    this.plan = plan;
    this.assets = assets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = plan.today();
    List<Map<String, Object>> due = new ArrayList<>();
    for (Map<String, Object> row : plan.rows(execution, PLANS, day)) {
      if (dueOn(row, day)) {
        due.addAll(perAsset(row));
      }
    }
    plan.plan(execution, ChecklistKind.INSPECTION, day, due);
  }

  /**
   * A plan for an asset category becomes one row per asset card of that category in use (not
   * retired, not missing): at the card's location, on the card's tag, named after the asset; a plan
   * for a place stays as it is.
   */
  private List<Map<String, Object>> perAsset(Map<String, Object> row) {
    Object category = row.get(ASSET_CATEGORY);
    if (category == null || category.toString().isBlank()) {
      return List.of(row);
    }
    String wanted = category.toString().trim();
    if (!ItemCategory.isKnown(wanted)) {
      throw new ProcessEngineException("planning table " + PLANS + ", plan " + row.get(ROUND) + ": assetCategory "
          + wanted + " is not an item category (" + Arrays.stream(ItemCategory.values()).map(ItemCategory::id)
          .collect(Collectors.joining(", ")) + ")");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AuditedAsset asset : assets.audited()) {
      if (asset.category().equals(wanted) && asset.status() != AssetStatus.MISSING) {
        Map<String, Object> one = new HashMap<>(row);
        one.put(AREA, asset.tag());
        one.put(AREA_NAME, asset.location());
        one.put(ASSET_TAG, asset.tag());
        one.put(ROUND_NAME, row.get(ROUND_NAME) + "（" + asset.name() + " " + asset.tag() + "）");
        rows.add(one);
      }
    }
    return rows;
  }

  /** Whether a plan starting on {@code startDate} and repeating {@code every} is due on {@code day}. */
  static boolean dueOn(Map<String, Object> row, LocalDate day) {
    LocalDate start;
    Period every;
    try {
      start = LocalDate.parse(String.valueOf(row.get(START_DATE)).trim());
      every = Period.parse(String.valueOf(row.get(EVERY)).trim());
    } catch (DateTimeParseException malformed) {
      throw new ProcessEngineException("planning table " + PLANS + ", plan " + row.get(ROUND)
          + ": startDate must be yyyy-MM-dd and every an ISO-8601 period (P7D, P1M), not " + row.get(START_DATE) + " / "
          + row.get(EVERY));
    }
    if (every.isZero() || every.isNegative()) {
      throw new ProcessEngineException("planning table " + PLANS + ", plan " + row.get(ROUND) + ": every must be positive");
    }
    // counted from the start each time, so that P1M from the 31st stays at month ends
    for (int n = 0; n <= 100_000; n++) {
      LocalDate next = start.plus(every.multipliedBy(n));
      if (!next.isBefore(day)) {
        return next.equals(day);
      }
    }
    return false;
  }
}
