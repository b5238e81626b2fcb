package edu.campus.logistics.procurement;

import java.util.Map;

/** Activity ids of {@code procurement.bpmn} that Java and tests refer to. */
public final class ProcurementActivities {

  public static final String START = "StartEvent_PurchaseRequested";
  public static final String DETERMINE_APPROVAL_LEVELS = "Task_DetermineApprovalLevels";
  public static final String APPROVAL_CHAIN = "SubProcess_ApprovalChain";
  public static final String APPROVE_REQUEST = "Task_ApproveRequest";
  public static final String TIMER_REMIND_APPROVER = "Timer_RemindApprover";
  public static final String TIMER_ESCALATE_APPROVAL = "Timer_EscalateApproval";
  public static final String REVISE_REQUEST = "Task_ReviseRequest";
  public static final String READ_REJECTION = "Task_ReadRejection";
  public static final String PURCHASE_GOODS = "Task_PurchaseGoods";
  public static final String INSPECT_GOODS = "Task_InspectGoods";
  public static final String CONFIRM_STORAGE = "Task_ConfirmStorage";
  public static final String STOCK_GOODS = "Task_StockGoods";
  public static final String READ_STOCK_NOTICE = "Task_ReadStockNotice";
  public static final String END_STOCKED = "EndEvent_GoodsStocked";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

  private static final Map<String, String> END_STATES =
      Map.of(END_STOCKED, "stocked", END_REJECTED, "rejected", END_WITHDRAWN, "withdrawn");

  private ProcurementActivities() {
  }

  /**
   * How a request ended, read from the end event it reached (the history's end activity): stocked,
   * rejected or withdrawn; null while it runs or when it ended elsewhere (cancelled by an administrator).
   */
  public static String endState(String endActivityId) {
    return endActivityId == null ? null : END_STATES.get(endActivityId);
  }
}
