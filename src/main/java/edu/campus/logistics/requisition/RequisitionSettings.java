package edu.campus.logistics.requisition;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the requisition process ({@code campus.requisition}).
 *
 * @param divisibleUnits units that may be requested in fractions (米, 千克, …); every other unit is
 *                       counted in whole pieces, so 1.5 箱 is refused
 */
@ConfigurationProperties("campus.requisition")
public record RequisitionSettings(List<String> divisibleUnits) {

  public RequisitionSettings {
    divisibleUnits = divisibleUnits == null ? List.of() : List.copyOf(divisibleUnits);
  }

  boolean divisible(String unit) {
    return unit != null && divisibleUnits.contains(unit.trim());
  }
}
