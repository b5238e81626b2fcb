package edu.campus.logistics.repair;

import java.util.Arrays;
import java.util.List;

/** The closed value sets of the repair and damage-compensation forms (ids stored, labels shown). */
public final class Choice {

  public static final List<String> URGENCIES = List.of("urgent", "normal");

  public static final List<String> CAUSES = List.of("wear", "damage", "other");
  public static final String CAUSE_DAMAGE = "damage";

  public static final List<String> DISPATCH_MODES = List.of("technician", "contractor");
  public static final String DISPATCH_TECHNICIAN = "technician";

  public static final List<String> CATEGORIES = Arrays.stream(RepairCategory.values()).map(RepairCategory::id).toList();

  private Choice() {
  }
}
