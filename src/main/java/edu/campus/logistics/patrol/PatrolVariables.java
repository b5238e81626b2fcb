package edu.campus.logistics.patrol;

/**
 * The variable contract of the {@code daily-patrol} and {@code inspection} processes
 * (docs/processes/daily-patrol.md): every name used by daily-patrol.bpmn, inspection.bpmn,
 * patrol-rules.dmn, inspection-plans.dmn, the patrol-*.form files, the Java listeners and the tests.
 */
public final class PatrolVariables {

  // the day (Task_PlanPatrolDay / Task_PlanInspections)
  /** The day the rounds are for, {@code yyyy-MM-dd} in the school's time zone; input of the decision tables. */
  public static final String PATROL_DATE = "patrolDate";
  /** ISO day of week of {@link #PATROL_DATE}, 1 = Monday … 7 = Sunday; input of the decision tables. */
  public static final String DAY_OF_WEEK = "dayOfWeek";
  /** Output of patrol-calendar: whether the day is a patrol day. Also kept on the case. */
  public static final String SCHOOL_DAY = "schoolDay";
  /** The day's planned rounds, a JSON list of {@link ChecklistRound}. */
  public static final String PLANNED_ROUNDS = "plannedRounds";
  /** How many rounds were planned (0: the day ends at once). */
  public static final String ROUND_COUNT = "roundCount";
  /** Element variable of the multi-instance: which planned round this instance is ({@link ChecklistRound#key()}). */
  public static final String ROUND_KEY = "roundKey";

  // outputs of the planning tables (patrol-rounds, inspection-plans), one row = one round
  public static final String AREA = "area";
  public static final String AREA_NAME = "areaName";
  public static final String ROUND = "round";
  public static final String ROUND_NAME = "roundName";
  public static final String DUE_TIME = "dueTime";
  public static final String ASSIGNEE = "assignee";
  public static final String CANDIDATE_GROUP = "candidateGroup";
  public static final String ITEMS = "items";
  /** inspection-plans: the asset the inspection is for (optional); the repair of a failed check carries it. */
  public static final String ASSET_TAG = "assetTag";
  /**
   * An inspection plan's asset category (an item category id, e.g. {@code equipment}): one checklist
   * per asset card of that category in use (not retired, not missing), at the card's location.
   */
  public static final String ASSET_CATEGORY = "assetCategory";
  /** inspection-plans: the interval (ISO-8601 period: P1D, P7D, P1M, P10D …). */
  public static final String EVERY = "every";
  /** inspection-plans: the first day the inspection is due ({@code yyyy-MM-dd}). */
  public static final String START_DATE = "startDate";

  // the checklist items (patrol-items, inspection-items)
  /** Input of the items tables and key of a checklist row. */
  public static final String ITEM = "item";
  public static final String ITEM_NAME = "itemName";
  public static final String REPAIR_CATEGORY = "repairCategory";

  // the checklist task (Task_PatrolRound / Task_Inspect), task-local
  /** The checklist rows: {@code [{"item", "itemName", "result": "ok"|"defect", "note", "urgency"}]}. */
  public static final String CHECKLIST = "checklist";
  public static final String RESULT = "result";
  public static final String NOTE = "note";
  public static final String URGENCY = "urgency";

  // supervision of a round not done in time
  /** One {@code cases.Escalation} per round not done by its due time (stage = the round's key). */
  public static final String ESCALATIONS = "escalations";
  /** Local to the supervision task: which entry of {@link #ESCALATIONS} it handles. */
  public static final String ESCALATION_INDEX = "escalationIndex";
  public static final String SUPERVISION_REASON = "supervisionReason";
  public static final String SUPERVISION_NOTE = "supervisionNote";

  // what a patrol sets on the repair it starts (the repair's own start form fields, and the link back)
  public static final String REPAIR_LOCATION = "location";
  public static final String REPAIR_CATEGORY_FIELD = "category";
  public static final String REPAIR_DESCRIPTION = "description";
  public static final String REPAIR_URGENCY = "urgency";
  public static final String REPAIR_ASSET_TAG = "assetTag";
  /** Set on a repair started by a patrol or an inspection: that case's number (XJ-…, JC-…). */
  public static final String SOURCE_CASE = "sourceCase";
  /** Set on a repair started by a patrol or an inspection: the round ({@code area/round}) that found the defect. */
  public static final String SOURCE_ROUND = "sourceRound";
  /**
   * Set on an open repair when a later patrol or inspection finds the same fault again (same location
   * and category): {@code [{sourceCase, round, item, note, foundBy, foundAt}]}, the repair's
   * {@code repeatSightings} shown on its dispatch and work forms, so the repair learns what was seen
   * since instead of a second report.
   */
  public static final String REPEAT_SIGHTINGS = "repeatSightings";

  private PatrolVariables() {
  }
}
