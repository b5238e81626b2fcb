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
  /** The reporter, only when they did not ask to stay anonymous to the handlers. */
  public static final String REPORTER_ID = "reporterId";
  public static final String FILED_AT = "filedAt";

  // reply deadline (feedback-deadline.dmn)
  public static final String REPLY_DEADLINE = "replyDeadline";
  public static final String REPLY_DUE_AT = "replyDueAt";

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
