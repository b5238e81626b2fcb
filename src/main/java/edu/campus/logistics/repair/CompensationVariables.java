package edu.campus.logistics.repair;

/**
 * The variable contract of the {@code damage-compensation} process (公物损坏赔偿), called by repair
 * when the cause was human damage. It receives the case variables of {@link RepairVariables}
 * (location, description, assetTag, reporterId, firstResponder, technician, workDone, repairCost,
 * partsCost) and returns {@link #SETTLEMENT} and {@link #ASSESSED_AMOUNT}.
 */
public final class CompensationVariables {

  /** person 个人 or class 班级. */
  public static final String RESPONSIBLE_TYPE = "responsibleType";
  /** Name of the responsible person or class (e.g. 初二(3)班). */
  public static final String RESPONSIBLE_PARTY = "responsibleParty";
  public static final String ASSESSED_AMOUNT = "assessedAmount";
  /** repairCost (维修费用) or depreciatedValue (折旧后价值). */
  public static final String ASSESSMENT_BASIS = "assessmentBasis";
  public static final String ASSESSMENT_NOTE = "assessmentNote";

  /** approve or return (for reassessment). */
  public static final String APPROVAL = "compensationApproval";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String APPROVED_BY = "compensationApprovedBy";

  /** paid or waived. */
  public static final String SETTLEMENT = "compensationSettlement";
  public static final String PAID_AMOUNT = "paidAmount";
  public static final String RECEIPT_NO = "receiptNo";
  public static final String WAIVER_REASON = "waiverReason";
  public static final String SETTLED_BY = "compensationSettledBy";
  public static final String SETTLED_AT = "compensationSettledAt";

  private CompensationVariables() {
  }
}
