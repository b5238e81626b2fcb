package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.TasklistFilters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The procurement journey through Tasklist, one method per thing a person does, so scenarios read as
 * the walk-through in the README. Labels are those of forms/procurement-*.form and
 * processes/procurement.bpmn.
 */
final class ProcurementSteps {

  static final String PROCESS_NAME = "物品采购";
  static final String TASK_APPROVE = "审批采购申请";
  static final String TASK_PURCHASE = "采购（比价、下单）";
  static final String TASK_INSPECT = "验收";
  static final String TASK_STORE = "确认入库";
  static final String TASK_STOCK_NOTICE = "到货通知：物品已入库";

  // start form procurement-start
  static final String DEPARTMENT = "申请部门";
  static final String NEEDED_BY = "需用日期";
  static final String REASON = "申请事由";
  static final String ITEMS = "采购明细（每行一种物品）";
  static final String ITEM_CODE = "物品编码";
  static final String NEW_ITEM = "目录中没有，申请新物品";
  static final String NAME = "新物品名称";
  static final String SPEC = "规格型号";
  static final String CATEGORY = "类别";
  static final String UNIT = "单位";
  static final String QUANTITY = "数量";
  static final String UNIT_PRICE = "预估单价（元）";
  /** The categories the start form offers, in its order (values office … other). */
  static final List<String> CATEGORIES = List.of("办公用品", "清洁用品", "电料", "水暖", "家具", "教学设备", "其他");
  // approval procurement-approve
  static final String TOTAL = "合计金额：";
  static final String ITEMS_TABLE = "采购明细";
  static final String DECISION = "审批意见";
  static final String APPROVE = "同意";
  // purchase procurement-purchase
  static final String SUPPLIER = "选定供应商";
  static final String ORDER_NO = "订单号";
  static final String PURCHASE_ITEMS = "实际采购明细（填写实际单价；超出批准金额10%将重新审批）";
  static final String ACTUAL_UNIT_PRICE = "实际单价（元）";
  static final String PURCHASED_NAME = "名称";
  static final String QUOTES = "供应商报价";
  static final String QUOTE_SUPPLIER = "供应商";
  static final String QUOTE_AMOUNT = "报价总额（元）";
  static final String QUOTE_NOTE = "备注";
  // inspection procurement-inspect, storage procurement-store, notice procurement-stocked
  static final String INSPECTION_RESULT = "验收结论";
  static final String ACCEPT_ALL = "全部验收合格";
  static final String STORAGE_LOCATION = "存放地点（不填则为申请部门）";
  static final String STOCKED_TABLE = "入库明细";
  static final String NEW_ITEM_MAPPINGS = "新物品入库方式";
  static final String MAPPING_NAME = "新物品名称";
  static final String MAPPING_CODE = "目录中的物品编码";
  static final String MAP_TO_EXISTING = "对应目录中已有物品";

  /** form-js "Field is required." and "Field must have minimum value of 0.001.", in Chinese (scripts/form-js-chinese.js). */
  static final String REQUIRED = "此项为必填项。";
  static final String QUANTITY_ABOVE_ZERO = "数值不能小于 0.001。";

  /**
   * One item line as a requester types it: a catalogue item (its code typed into 物品编码; name, spec,
   * category and unit are the catalogue's) or, without a code, a new item (the box ticked, every
   * field typed); the category as the dropdown shows it.
   */
  record Line(String itemCode, String name, String spec, String category, String unit, String quantity,
              String unitPrice) {
    Line withQuantity(String typed) {
      return new Line(itemCode, name, spec, category, unit, typed, unitPrice);
    }
  }

  /** What a requester types into the start form; the reason identifies the request in task lists. */
  record PurchaseRequest(String department, String reason, LocalDate neededBy, List<Line> lines) {
  }

  /** A supplier's quote as the buyer types it. */
  record Quote(String supplier, String amount, String note) {
  }

  private ProcurementSteps() {
  }

  /**
   * The requester opens "Start process" → 物品采购 and is refused first: the empty form field by field,
   * then a negative quantity and an emptied name in the item lines, each keeping "Start" disabled.
   * Then every line is filled and the request started. Stays logged in.
   */
  static TasklistPage requestPurchase(Browser browser, String requester, PurchaseRequest request) {
    TasklistPage tasklist = TasklistPage.login(browser, requester);
    StartProcessDialog dialog = tasklist.startProcess(PROCESS_NAME);
    browser.step("procurement-start-form");
    CamundaForm form = dialog.startRefused();
    assertThat(form.awaitErrors(DEPARTMENT)).containsExactly(REQUIRED);
    assertThat(form.errors(REASON)).containsExactly(REQUIRED);
    assertThat(form.item(ITEMS, 1).errors(ITEM_CODE)).containsExactly(REQUIRED);
    browser.step("procurement-start-form-refused-empty");
    dialog.awaitStartDisabled();
    dialog.dismissNotifications();

    form.fill(DEPARTMENT, request.department()).fill(NEEDED_BY, request.neededBy().toString())
        .fill(REASON, request.reason());
    Line first = request.lines().get(0);
    if (first.itemCode() == null) {
      form.item(ITEMS, 1).choose(NEW_ITEM, NEW_ITEM);
      assertThat(form.item(ITEMS, 1).selectFrom(CATEGORY, first.category())).as("categories offered")
          .containsExactlyElementsOf(CATEGORIES);
    }
    fillLine(form.item(ITEMS, 1), first.withQuantity("-" + first.quantity()));
    assertThat(form.item(ITEMS, 1).awaitErrors(QUANTITY)).containsExactly(QUANTITY_ABOVE_ZERO);
    dialog.awaitStartDisabled();
    browser.step("procurement-start-form-negative-quantity-refused");
    form.item(ITEMS, 1).fill(QUANTITY, first.quantity());

    for (int line = 2; line <= request.lines().size(); line++) {
      fillLine(form.addItem(ITEMS), request.lines().get(line - 1));
    }
    CamundaForm last = form.item(ITEMS, request.lines().size());
    last.fill(NAME, "");
    assertThat(last.awaitErrors(NAME)).containsExactly(REQUIRED);
    dialog.awaitStartDisabled();
    browser.step("procurement-start-form-empty-name-refused");
    last.fill(NAME, request.lines().get(request.lines().size() - 1).name());

    form.awaitValid();
    dialog.awaitStartEnabled();
    assertThat(form.text()).as("the form's estimate").contains("预估合计：" + estimatedTotal(request) + " 元");
    DocsImages.publish(browser.step("procurement-start-form-filled"), "tasklist-start-form.png");
    dialog.start();
    browser.step("procurement-started");
    return tasklist;
  }

  /** Σ quantity × unit price as the start form's FEEL expression shows it (no trailing zeros). */
  static String estimatedTotal(PurchaseRequest request) {
    return request.lines().stream().map(line -> new BigDecimal(line.quantity()).multiply(new BigDecimal(line.unitPrice())))
        .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString();
  }

  private static void fillLine(CamundaForm line, Line values) {
    if (values.itemCode() != null) {
      line.fill(ITEM_CODE, values.itemCode());
    } else {
      if (!line.checked(NEW_ITEM)) {
        line.choose(NEW_ITEM, NEW_ITEM);
      }
      line.fill(NAME, values.name()).fill(SPEC, values.spec()).select(CATEGORY, values.category()).fill(UNIT, values.unit());
    }
    line.fill(QUANTITY, values.quantity()).fill(UNIT_PRICE, values.unitPrice());
  }

  /**
   * A person logs in, finds the task in a filter by its name and a text on its card (waiting for it
   * if an asynchronous step still runs) and opens it.
   */
  static TaskPane openTask(Browser browser, String userId, String filter, String taskName, String cardText) {
    TasklistPage tasklist = TasklistPage.login(browser, userId).awaitTask(filter, taskName, cardText);
    browser.step(userId + "-task-listed");
    return tasklist.openTask(taskName, cardText);
  }

  /**
   * As {@link #openTask(Browser, String, String, String, String)} for a task whose card shows no
   * business variables to this person (see {@link TasklistPage#awaitTaskWithId}): the card is picked
   * by the task's id.
   */
  static TaskPane openTaskWithId(Browser browser, String userId, String filter, String taskName, String taskId) {
    TasklistPage tasklist = TasklistPage.login(browser, userId).awaitTaskWithId(filter, taskName, taskId);
    browser.step(userId + "-task-listed");
    return tasklist.openTaskWithId(taskName, taskId);
  }

  /** The approver claims the opened approval task, approves and completes it. */
  static void approve(Browser browser, TaskPane approval) {
    approval.claim();
    browser.step("procurement-approval-claimed");
    approval.form().choose(DECISION, APPROVE);
    browser.step("procurement-approval-decided");
    approval.complete();
    browser.step("procurement-approval-completed");
  }

  /**
   * The buyer claims the purchase, keeps the prefilled actual prices (checked against the request),
   * types supplier, order number and the quotes, and completes.
   */
  static void purchase(Browser browser, TaskPane purchase, PurchaseRequest request, String supplier, String orderNo,
                       List<Quote> quotes) {
    purchase.claim();
    CamundaForm form = purchase.form();
    for (int line = 1; line <= request.lines().size(); line++) {
      Line requested = request.lines().get(line - 1);
      assertThat(form.item(PURCHASE_ITEMS, line).value(PURCHASED_NAME)).isEqualTo(requested.name());
      assertThat(form.item(PURCHASE_ITEMS, line).value(ACTUAL_UNIT_PRICE)).isEqualTo(requested.unitPrice());
    }
    form.fill(SUPPLIER, supplier).fill(ORDER_NO, orderNo);
    for (int line = 1; line <= quotes.size(); line++) {
      CamundaForm quote = line <= form.itemCount(QUOTES) ? form.item(QUOTES, line) : form.addItem(QUOTES);
      Quote values = quotes.get(line - 1);
      quote.fill(QUOTE_SUPPLIER, values.supplier()).fill(QUOTE_AMOUNT, values.amount()).fill(QUOTE_NOTE, values.note());
    }
    form.awaitValid();
    browser.step("procurement-purchase-filled");
    purchase.complete();
    browser.step("procurement-purchase-completed");
  }

  /** The inspector claims the inspection, accepts everything and completes. */
  static void acceptAll(Browser browser, TaskPane inspection) {
    inspection.claim();
    inspection.form().choose(INSPECTION_RESULT, ACCEPT_ALL);
    browser.step("procurement-inspection-accepted");
    inspection.complete();
    browser.step("procurement-inspection-completed");
  }

  /** The storekeeper claims the storage task, types the location and completes. */
  static void confirmStorage(Browser browser, TaskPane storage, String location) {
    storage.claim();
    storage.form().fill(STORAGE_LOCATION, location);
    browser.step("procurement-storage-filled");
    storage.complete();
    browser.step("procurement-storage-completed");
  }

  /** Opens the approval of this request at this level in "我组的任务" of the approver. */
  static TaskPane openApproval(Browser browser, String approver, CampusGroup level, PurchaseRequest request) {
    return openTask(browser, approver, TasklistFilters.MY_GROUP_TASKS, approvalTask(level), request.reason());
  }

  /** The approval task's name at a level, e.g. 审批采购申请（总务主任）. */
  static String approvalTask(CampusGroup level) {
    return TASK_APPROVE + "（" + level.displayName() + "）";
  }
}
