package edu.campus.logistics.requisition;

/**
 * The variable vocabulary of {@code requisition.bpmn}, its DMN tables, forms, delegates and tests
 * (docs/processes/requisition.md explains each one).
 */
public final class RequisitionVariables {

  // ---- start form
  /** JSON list of request lines {itemCode, quantity, purpose}; the process adds the catalogue's and the store's figures. */
  public static final String LINES = "lines";
  /** Where fixed assets handed out will be used (使用地点); the requester's department when empty. */
  public static final String USE_LOCATION = "useLocation";

  // ---- kept by the process
  /** Set by the engine ({@code camunda:initiator}) to the user who started the request. */
  public static final String REQUESTER_ID = "requesterId";
  /** The requester's department: the user's info {@code department} (Camunda user info), else empty. */
  public static final String DEPARTMENT = "department";
  /** Inputs of decision requisition-item-class, one line at a time. */
  public static final String ITEM_CODE = "itemCode";
  public static final String CATEGORY = "category";
  /** The item's moving-average cost is at or above the fixed-asset threshold (ledger/FixedAssets). */
  public static final String FIXED_ASSET = "fixedAsset";
  /** Output of requisition-item-class: copying | fixed-asset | consumable. */
  public static final String ITEM_CLASS = "itemClass";
  /** Inputs of decision requisition-approval: the request has paper/copying lines, fixed-asset lines, and the consumables' value. */
  public static final String COPYING_SUPPLIES = "copyingSupplies";
  public static final String FIXED_ASSETS = "fixedAssets";
  public static final String CONSUMABLE_VALUE = "consumableValue";
  /** Approval groups in order, from requisition-approval; the group deciding now. */
  public static final String APPROVAL_LEVELS = "approvalLevels";
  public static final String APPROVAL_LEVEL = "approvalLevel";
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  /** JSON history of approval decisions: {level, decision, comment, userId, decidedAt}. */
  public static final String APPROVALS = "approvals";
  /** Counts reservation/issue rounds (1 = after approval; each backorder round adds one). */
  public static final String ISSUE_ROUND = "issueRound";
  /** Something of the request could not be reserved this round (a shortage to decide). */
  public static final String SHORTAGE = "shortage";
  /** Text of the shortage for the issue form, e.g. "复印纸 缺 3 箱". */
  public static final String SHORTAGE_TEXT = "shortageText";
  /** What the storekeeper does with a shortage: backorder | procure | withdraw. */
  public static final String SHORTAGE_ACTION = "shortageAction";
  /** Tags of the asset cards the storekeeper hands out (issue form), separated by commas or spaces. */
  public static final String ASSET_TAGS = "assetTags";
  public static final String STOREKEEPER_ID = "storekeeperId";
  /** Business key of the procurement started for the shortfall. */
  public static final String PROCUREMENT_KEY = "procurementKey";
  /** Units still owed (a backorder waiting for stock). */
  public static final String OUTSTANDING = "outstanding";
  /** Whether a waiting backorder got stock reserved in the last check. */
  public static final String STOCK_ARRIVED = "stockArrived";
  /** Units issued so far over all lines. */
  public static final String ISSUED_TOTAL = "issuedTotal";
  /** JSON list of the tags handed out, with the custodian and location they went to. */
  public static final String HANDED_OUT_ASSETS = "handedOutAssets";
  /** The requester's note on signing for receipt (领用签收). */
  public static final String RECEIPT_NOTE = "receiptNote";

  // ---- stock-reorder (the daily reorder-level check, same vocabulary)
  /** JSON list of {itemCode, name, spec, unit, category, onHand, reserved, available, reorderLevel, proposedQuantity, unitCost}. */
  public static final String REORDER_LINES = "reorderLines";
  /** What the storekeeper does with the proposal: procure | skip. */
  public static final String REORDER_ACTION = "reorderAction";
  /** Whether any item is under its reorder level (and no proposal of an earlier day is still open). */
  public static final String REORDER_NEEDED = "reorderNeeded";

  private RequisitionVariables() {
  }
}
