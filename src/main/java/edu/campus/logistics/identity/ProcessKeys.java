package edu.campus.logistics.identity;

/** Keys (= BPMN file names) of the processes the application deploys (processes/&lt;feature&gt;/*.bpmn). */
public final class ProcessKeys {

  public static final String PROCUREMENT = "procurement";
  public static final String REPAIR = "repair";
  public static final String DAMAGE_COMPENSATION = "damage-compensation";
  public static final String REQUISITION = "requisition";
  public static final String STOCK_REORDER = "stock-reorder";
  public static final String STOCKTAKE = "stocktake";
  public static final String DAILY_PATROL = "daily-patrol";
  public static final String INSPECTION = "inspection";
  public static final String FEEDBACK = "feedback";
  public static final String SATISFACTION_SURVEY = "satisfaction-survey";
  public static final String SURVEY_SCHEDULE = "survey-schedule";

  private ProcessKeys() {
  }
}
