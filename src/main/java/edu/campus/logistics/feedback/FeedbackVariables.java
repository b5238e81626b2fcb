package edu.campus.logistics.feedback;

/**
 * The variable contract of the {@code feedback} process (docs/processes/feedback.md): every name used by
 * feedback.bpmn, feedback-deadline.dmn, the feedback-*.form files, the Java listeners and the tests.
 */
public final class FeedbackVariables {

  // filed (start form)
  public static final String FEEDBACK_TYPE = "feedbackType";
  public static final String AREA = "area";
  public static final String CONTENT = "content";
  public static final String ANONYMOUS = "anonymous";
  /** {@code normal} 一般 or {@code urgent} 紧急 (outside working hours straight to the person on duty; not for praise). */
  public static final String URGENCY = "urgency";
  /** The reporter, only when they did not ask to stay anonymous to the handlers. */
  public static final String REPORTER_ID = "reporterId";
  public static final String FILED_AT = "filedAt";

  // reply deadline (feedback-deadline.dmn)
  public static final String REPLY_DEADLINE = "replyDeadline";
  public static final String REPLY_DUE_AT = "replyDueAt";

  // 24 小时值班 (duty-roster.dmn): an urgent feedback outside working hours
  public static final String DUTY_OFFICER = "dutyOfficer";
  public static final String DUTY_LEADER = "dutyLeader";
  /** The person of the latest 督办 when it goes to the duty leader, not a group. */
  public static final String SUPERVISION_USER = "supervisionUser";

  // taken and answered (首问负责)
  public static final String FIRST_RESPONDER = "firstResponder";
  public static final String RESPONDED_AT = "respondedAt";
  public static final String OUTCOME = "outcome";
  public static final String REPLY = "reply";
  public static final String MEASURE = "measure";
  public static final String CHECK_DATE = "checkDate";
  public static final String CHECK_AT = "checkAt";
  public static final String REPLIED_AT = "repliedAt";
  public static final String REPLIED_IN_TIME = "repliedInTime";

  // forwarded to a repair (转报修): the repair start form's fields, filled in by the first responder
  public static final String REPAIR_LOCATION = "repairLocation";
  public static final String REPAIR_CATEGORY = "repairCategory";
  public static final String REPAIR_DESCRIPTION = "repairDescription";
  public static final String REPAIR_URGENCY = "repairUrgency";
  public static final String REPAIR_ASSET_TAG = "repairAssetTag";
  /** The repair it went to: its case number (BX-…) and process instance. */
  public static final String REPAIR_CASE = "repairCase";
  public static final String REPAIR_INSTANCE_ID = "repairInstanceId";
  /**
   * Sent by the repair when it ends (message {@code RepairClosed}, with {@code repairClosedAt}): whether
   * it was cancelled rather than closed.
   */
  public static final String REPAIR_CANCELLED = "repairCancelled";

  // improvement check (以1个月为限，考察改进效果)
  public static final String IMPROVED = "improved";
  public static final String CHECK_RESULT = "checkResult";
  public static final String CHECKED_AT = "checkedAt";

  // the reporter's rating
  public static final String SATISFACTION = "satisfaction";
  public static final String RATING_COMMENT = "ratingComment";
  public static final String REOPEN = "reopen";
  public static final String REOPEN_COUNT = "reopenCount";
  public static final String RATED_AT = "ratedAt";

  // escalation (feedback-supervision in feedback-deadline.dmn)
  public static final String OVERDUE_COUNT = "overdueCount";
  public static final String ESCALATIONS = "escalations";
  public static final String ESCALATION_LEVEL = "escalationLevel";
  public static final String SUPERVISION_GROUP = "supervisionGroup";
  public static final String ESCALATION_INDEX = "escalationIndex";
  public static final String SUPERVISION_REASON = "supervisionReason";
  public static final String SUPERVISION_NOTE = "supervisionNote";

  private FeedbackVariables() {
  }
}
