package edu.campus.logistics.repair;

/**
 * The variable contract of the {@code repair} process (docs/processes/repair.md): every name used by
 * repair.bpmn, repair-sla.dmn, the repair-*.form files, the Java listeners and the tests.
 */
public final class RepairVariables {

  // reported (start form)
  public static final String LOCATION = "location";
  public static final String CATEGORY = "category";
  public static final String DESCRIPTION = "description";
  public static final String URGENCY = "urgency";
  public static final String ASSET_TAG = "assetTag";
  public static final String REPORTER_ID = "reporterId";
  /** Not a process variable: the input of repair-sla.dmn's repair-supervision (how often the stage is overdue), see {@link Supervision}. */
  public static final String OVERDUE_COUNT = "overdueCount";
  /** Who typed the report in (a logistics staff member taking a phone call may report for a teacher). */
  public static final String REPORTED_BY = "reportedBy";

  // started from another case (a feedback forwarded to a repair; a patrol's defect)
  /** The case number of the case the report came from (YJ-…, XJ-…), set after the start by that case. */
  public static final String SOURCE_CASE = "sourceCase";
  /** That case's process instance: told when this repair ends (message {@value #CLOSED_MESSAGE}). */
  public static final String SOURCE_INSTANCE_ID = "sourceInstanceId";
  /** The message a repair sends its source case when it ends, with {@code repairClosedAt} and {@code repairCancelled}. */
  public static final String CLOSED_MESSAGE = "RepairClosed";
  public static final String SOURCE_TOLD_CLOSED_AT = "repairClosedAt";
  public static final String SOURCE_TOLD_CANCELLED = "repairCancelled";

  // SLA (repair-sla.dmn)
  /** The decision result of Task_DetermineSla, split into the variables below and then removed. */
  public static final String SLA_RESULT = "sla";
  public static final String RESPONSE_DEADLINE = "responseDeadline";
  public static final String RESOLUTION_DEADLINE = "resolutionDeadline";
  public static final String SUGGESTED_TRADE = "suggestedTrade";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String RESOLUTION_DUE_AT = "resolutionDueAt";

  // first-responder accountability (首问负责制)
  public static final String FIRST_RESPONDER = "firstResponder";

  // dispatch
  public static final String DISPATCH_MODE = "dispatchMode";
  public static final String TECHNICIAN = "technician";
  public static final String CONTRACTOR = "contractor";
  public static final String DISPATCH_NOTE = "dispatchNote";
  /** Who gets Task_RepairWork: the technician, or the first responder recording a contractor's work. */
  public static final String REPAIR_ASSIGNEE = "repairAssignee";
  /** Task-local: technicians offered on the dispatch form. */
  public static final String TECHNICIAN_OPTIONS = "technicianOptions";

  // repair work
  public static final String WORK_DONE = "workDone";
  public static final String CAUSE = "cause";
  public static final String PARTS_USED = "partsUsed";
  public static final String REPAIR_COST = "repairCost";
  /** Value of the parts taken from stock in the latest round, at moving-average cost (from the ledger). */
  public static final String PARTS_COST = "partsCost";
  /** Set by the shortage boundary event of Task_PostPartsUsed. */
  public static final String SHORTAGE_MESSAGE = "shortageMessage";
  /** Task_WaitForParts: how the first responder arranges the missing parts (required by its form). */
  public static final String PARTS_NOTE = "partsNote";
  /** Task-local: stock items offered on the repair-work form. */
  public static final String PART_OPTIONS = "partOptions";

  // 扫码报修's photo (scan/ReportPhotos)
  /**
   * The path of the report's photo ({@code /api/scan/reports/<id>/photo}), set when the reporter adds
   * one; the dispatch, work and confirmation forms link to it. The endpoint checks who may see it.
   */
  public static final String PHOTO_URL = "photoUrl";
  /** True once any round reported human damage (cause = damage). */
  public static final String DAMAGE_REPORTED = "damageReported";

  // follow-up (回访)
  public static final String FIXED = "fixed";
  public static final String SATISFACTION = "satisfaction";
  public static final String FOLLOW_UP_COMMENT = "followUpComment";
  public static final String REOPEN_COUNT = "reopenCount";

  // escalation (三级督查)
  public static final String ESCALATION_LEVEL = "escalationLevel";
  public static final String ESCALATIONS = "escalations";
  public static final String SUPERVISION_GROUP = "supervisionGroup";
  /** The roster's duty officer and duty leader of an urgent report outside working hours (duty-roster.dmn). */
  public static final String DUTY_OFFICER = "dutyOfficer";
  public static final String DUTY_LEADER = "dutyLeader";
  /** The user who supervises when the escalation goes to a person (the duty leader), not a group. */
  public static final String SUPERVISION_USER = "supervisionUser";
  /** Task-local on Task_SuperviseRepair: which entry of {@link #ESCALATIONS} the task handles. */
  public static final String ESCALATION_INDEX = "escalationIndex";
  public static final String SUPERVISION_REASON = "supervisionReason";
  public static final String SUPERVISION_NOTE = "supervisionNote";

  // closing
  public static final String CLOSING_NOTE = "closingNote";

  // timestamps for the metrics
  public static final String REPORTED_AT = "reportedAt";
  public static final String RESPONDED_AT = "respondedAt";
  public static final String DISPATCHED_AT = "dispatchedAt";
  public static final String RESOLVED_AT = "resolvedAt";
  public static final String CLOSED_AT = "closedAt";
  /**
   * Written by a patrol or an inspection that finds this open repair's fault again (same location and
   * category) instead of reporting it twice; shown on the dispatch and work forms.
   */
  public static final String REPEAT_SIGHTINGS = "repeatSightings";

  private RepairVariables() {
  }
}
