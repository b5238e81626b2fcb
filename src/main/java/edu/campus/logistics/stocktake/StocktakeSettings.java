package edu.campus.logistics.stocktake;

import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the school sets for stocktakes ({@code campus.stocktake} in application.yaml).
 *
 * @param auditIntervals       how often an asset of an item category is audited (category id → ISO period, e.g. P1Y)
 * @param defaultAuditInterval the interval of every other category
 * @param divisibleUnits       units counted in fractions (米, 千克, …); every other unit is counted in whole numbers
 * @param storeName            what the store's stock sheet is called on the counting task (仓库)
 */
@ConfigurationProperties("campus.stocktake")
public record StocktakeSettings(Map<String, Period> auditIntervals, Period defaultAuditInterval,
                                Set<String> divisibleUnits, String storeName) {

  public StocktakeSettings {
    auditIntervals = auditIntervals == null ? Map.of() : Map.copyOf(auditIntervals);
    defaultAuditInterval = defaultAuditInterval == null ? Period.ofYears(1) : defaultAuditInterval;
    divisibleUnits = divisibleUnits == null ? Set.of() : Set.copyOf(divisibleUnits);
    storeName = storeName == null || storeName.isBlank() ? "仓库" : storeName;
    for (Map.Entry<String, Period> interval : auditIntervals.entrySet()) {
      if (interval.getValue().isNegative() || interval.getValue().isZero()) {
        throw new IllegalArgumentException("campus.stocktake.audit-intervals." + interval.getKey() + " must be positive");
      }
    }
    if (defaultAuditInterval.isNegative() || defaultAuditInterval.isZero()) {
      throw new IllegalArgumentException("campus.stocktake.default-audit-interval must be positive");
    }
  }

  /** The audit interval of an item category. */
  public Period auditInterval(String category) {
    return auditIntervals.getOrDefault(category, defaultAuditInterval);
  }

  /** Whether quantities of this unit may have a fraction. */
  public boolean divisible(String unit) {
    return unit != null && divisibleUnits.contains(unit.trim());
  }
}
