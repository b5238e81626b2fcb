package edu.campus.logistics.identity;

/** Process definition keys (= BPMN file names) of SPEC.md "Processes". */
public final class ProcessKeys {

  public static final String PROCUREMENT = "procurement";
  public static final String REQUISITION = "requisition";
  public static final String REPAIR = "repair";
  public static final String DAMAGE_COMPENSATION = "damage-compensation";
  public static final String DAILY_PATROL = "daily-patrol";
  public static final String STOCKTAKE = "stocktake";

  private ProcessKeys() {
  }
}
