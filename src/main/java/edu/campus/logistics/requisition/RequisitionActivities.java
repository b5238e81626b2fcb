package edu.campus.logistics.requisition;

/** Activity ids of {@code requisition.bpmn} that Java and tests refer to. */
public final class RequisitionActivities {

  public static final String START = "StartEvent_RequisitionRequested";
  public static final String CLASSIFY_LINES = "Task_ClassifyLines";
  public static final String DETERMINE_APPROVERS = "Task_DetermineApprovers";
  public static final String APPROVE_REQUISITION = "Task_ApproveRequisition";
  public static final String RESERVE_STOCK = "Task_ReserveStock";
  public static final String ISSUE_GOODS = "Task_IssueGoods";
  public static final String START_PROCUREMENT = "Task_StartProcurement";
  public static final String POST_ISSUE = "Task_PostIssue";
  public static final String WAIT_FOR_STOCK = "Timer_WaitForStock";
  public static final String RESERVE_BACKORDER = "Task_ReserveBackorder";
  public static final String CONFIRM_RECEIPT = "Task_ConfirmReceipt";
  public static final String END_RECEIVED = "EndEvent_Received";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

  // stock-reorder
  public static final String REORDER_TIMER = "StartEvent_DailyReorderCheck";
  public static final String LIST_ITEMS_UNDER_REORDER_LEVEL = "Task_ListItemsUnderReorderLevel";
  public static final String PROPOSE_PROCUREMENT = "Task_ProposeProcurement";

  private RequisitionActivities() {
  }
}
