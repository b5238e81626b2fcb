package edu.campus.logistics.procurement;

/**
 * The variable vocabulary of {@code procurement.bpmn}, its forms, listeners, delegates and tests
 * (docs/processes/procurement.md explains each one). The first block is the contract of issue 3.
 */
public final class ProcurementVariables {

  // ---- contract: clients and tests rely on these names
  /**
   * JSON list of {itemCode, newItem, name, spec, category, unit, quantity, unitPrice} (estimated unit
   * price): a catalogue item (itemCode; the rest from the catalogue) or a new item (newItem true, typed).
   */
  public static final String ITEMS = "items";
  public static final String REASON = "reason";
  public static final String DEPARTMENT = "department";
  /** "yyyy-MM-dd". */
  public static final String NEEDED_BY = "neededBy";
  /** Set by the engine ({@code camunda:initiator}) to the user who started the request. */
  public static final String REQUESTER_ID = "requesterId";
  /** Amount under approval (CNY): computed by the process from the lines, never typed. */
  public static final String TOTAL_AMOUNT = "totalAmount";
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final String SUPPLIER = "supplier";
  public static final String ORDER_NO = "orderNo";
  /** JSON list of {supplier, amount, note}. */
  public static final String QUOTES = "quotes";
  /** JSON list of the request lines with the actual unit prices paid. */
  public static final String PURCHASE_ITEMS = "purchaseItems";
  public static final String INSPECTION_RESULT = "inspectionResult";
  /** JSON list of {name, spec, unit, ordered, accepted}, one per purchase line. */
  public static final String ACCEPTED_QUANTITIES = "acceptedQuantities";
  public static final String STORAGE_LOCATION = "storageLocation";
  /**
   * JSON list, one row per new-item line with accepted goods, offered when stocking 入库 opens:
   * {line, name, spec, unit, category, choice: new | existing, itemCode (the existing item's code)}.
   */
  public static final String NEW_ITEM_MAPPINGS = "newItemMappings";

  // ---- kept by the process
  /** Category of the line with the largest amount: the DMN input next to the total. */
  public static final String CATEGORY = "category";
  /** Approval groups in order, from the DMN table procurement-approval. */
  public static final String APPROVAL_LEVELS = "approvalLevels";
  /** The group deciding in the current instance of the approval loop. */
  public static final String APPROVAL_LEVEL = "approvalLevel";
  /** Counts the passes through the approval chain (1 = first; revise or over-budget start a new one). */
  public static final String APPROVAL_ROUND = "approvalRound";
  /** From the DMN table procurement-quotes. */
  public static final String QUOTES_REQUIRED = "quotesRequired";
  /** JSON history of every approval decision: {round, level, decision, comment, userId, amount, decidedAt}. */
  public static final String APPROVALS = "approvals";
  /** JSON list of {@link edu.campus.logistics.cases.Escalation}s: stage = the overdue approval level, group = who may now decide. */
  public static final String ESCALATIONS = "escalations";
  /** JSON list of reminders: {round, level, taskId, remindedAt}. */
  public static final String REMINDERS = "reminders";
  /** The total the last complete approval chain approved. */
  public static final String APPROVED_AMOUNT = "approvedAmount";
  /** What the requester does with a request returned for revision: resubmit | withdraw. */
  public static final String REQUESTER_ACTION = "requesterAction";
  public static final String PURCHASE_TOTAL = "purchaseTotal";
  /** Actual total more than 10% above the approved amount. */
  public static final String OVER_BUDGET = "overBudget";
  public static final String BUYER_ID = "buyerId";
  public static final String PURCHASE_ROUND = "purchaseRound";
  public static final String INSPECTOR_ID = "inspectorId";
  public static final String INSPECTION_NOTE = "inspectionNote";
  public static final String STOREKEEPER_ID = "storekeeperId";
  public static final String STOCK_VOUCHER = "stockVoucher";
  /** JSON list of what was posted: {itemCode, name, quantity, unitPrice, balanceAfter}. */
  public static final String STOCKED_LINES = "stockedLines";
  /** JSON list of the asset card tags created on stocking. */
  public static final String ASSET_TAGS = "assetTags";

  // ---- shown on the approval form in words (task-local, set by ApprovalView; display only)
  /** The deciding level's name, e.g. 总务主任. */
  public static final String APPROVAL_LEVEL_NAME = "approvalLevelName";
  /** The requester's name, e.g. 张伟. */
  public static final String REQUESTER_NAME = "requesterName";
  /** JSON list of the item lines with the category's name. */
  public static final String ITEMS_SHOWN = "itemsShown";
  /** JSON list of the earlier decisions: {round, level, decision, comment, approver, decidedAt} in words and local time. */
  public static final String APPROVALS_SHOWN = "approvalsShown";

  private ProcurementVariables() {
  }
}
