package edu.campus.logistics.stocktake;

/**
 * The variable contract of the {@code stocktake} process (docs/processes/stocktake.md): every name used
 * by stocktake.bpmn, stocktake-approval.dmn, the stocktake-*.form files, the Java listeners and the tests.
 * No variable a counter can read holds a book quantity (blind count): book figures appear only after
 * every count is in, on the approval step.
 */
public final class StocktakeVariables {

  // started (start form)
  /** all, category or location. */
  public static final String SCOPE_TYPE = "scopeType";
  public static final String SCOPE_CATEGORY = "scopeCategory";
  public static final String SCOPE_LOCATION = "scopeLocation";
  /** Whether assets whose audit is overdue are counted too, whatever the scope. */
  public static final String INCLUDE_OVERDUE = "includeOverdue";
  public static final String STARTER_ID = "starterId";
  /** What is counted, in words (范围：办公用品). */
  public static final String SCOPE_LABEL = "scopeLabel";

  // counting (one task per sheet: the store's stock, or the assets of one location)
  /** The count sheets: JSON list of {@link CountSheet}, without book quantities. */
  public static final String COUNT_SHEETS = "countSheets";
  public static final String SHEET_COUNT = "sheetCount";
  /** The multi-instance counter of Task_CountStock: which sheet the task counts. */
  public static final String LOOP_COUNTER = "loopCounter";
  /** Task-local on Task_CountStock. */
  public static final String SHEET_TITLE = "sheetTitle";
  /** Task-local on Task_CountStock: stock or assets. */
  public static final String SHEET_KIND = "sheetKind";
  /** Task-local on Task_CountStock: the items of the sheet (select options). */
  public static final String ITEM_OPTIONS = "itemOptions";
  /** Task-local on Task_CountStock: the assets of the sheet (select options). */
  public static final String ASSET_OPTIONS = "assetOptions";
  /** Task-local on Task_CountStock: rows {itemCode, quantity}, one per item of the sheet ({@link CountedItem}). */
  public static final String COUNTED_ITEMS = "countedItems";
  /** The row property a pre-filled count row names its item by. */
  public static final String ITEM_CODE = "itemCode";
  /** Task-local on Task_CountStock: rows {assetTag, finding, foundLocation}, one per asset of the sheet ({@link AssetFinding}). */
  public static final String ASSET_FINDINGS = "assetFindings";
  /** The row property a pre-filled finding row names its asset by. */
  public static final String ASSET_TAG = "assetTag";

  // differences at approval time
  /** JSON list of {@link DifferenceLine}: book (now), counted, moved since the count, difference, value. */
  public static final String DIFFERENCES = "differences";
  /** JSON list of {@link AssetResult}. */
  public static final String ASSET_RESULTS = "assetResults";
  /** Sum of the absolute values of all differences and of the missing assets (CNY): the input of stocktake-approval. */
  public static final String DIFFERENCE_VALUE = "differenceValue";
  /** What moved in the ledger since the count, or since the approver was shown the differences. */
  public static final String STOCK_MOVED_NOTICE = "stockMovedNotice";
  /** Set by Task_ApproveDifferences when the books moved while it was open: the differences are computed again. */
  public static final String STOCK_MOVED = "stockMoved";
  /** The group that approves (stocktake-approval.dmn). */
  public static final String APPROVER_GROUP = "approverGroup";
  /** approve or reject. */
  public static final String DECISION = "decision";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String APPROVER_ID = "approverId";

  private StocktakeVariables() {
  }
}
