package edu.campus.logistics.input;

import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static edu.campus.logistics.identity.ProcessKeys.REPAIR;
import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.LedgerService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input through every door that exists, one row each: the answer's status and its reason, and
 * that nothing changed (no process instance, no task, no ledger entry, the same reconciliation, no
 * asset card). Rows are grouped by door ({@link #apiRows()}, {@link #engineRestRows()}) and by
 * process: starts ({@link #procurementStartRows()}, {@link #repairStartRows()}) and task completions
 * ({@link #procurementTaskRows()}, {@link #repairTaskRows()}). A completion row first opens a new
 * case at its task ({@link At}, claimed by the row's caller, who may complete it) and also checks
 * that the task is still open with the same assignee and the same variables. The expected reasons
 * are fragments of the models' own messages (the form contract of every form; procurement: RequestChecks, RequestLines, the task
 * listeners; repair: ValidateRepairReport, DispatchRepair, RecordRepairWork, ConfirmRepair).
 * Separation-of-duties violations are in {@link SeparationOfDutiesRestTest}.
 */
@CampusTest
class MalformedInputTest {

  /** Where the reason is: the JSON field of the answer, or the whole body. */
  enum Reason { MESSAGE, SPRING_ERROR, BODY }

  /** Where a row acts: nowhere in particular, or on a new case's open task (claimed by the row's caller). */
  enum At {
    NOTHING(null, null, null),
    APPROVAL(APPROVE_REQUEST, OpenTasks.SMALL_ORDER, SingleGroupUsers.of("general-affairs")),
    PURCHASE(PURCHASE_GOODS, OpenTasks.SMALL_ORDER, OpenTasks.BUYER),
    QUOTED_PURCHASE(PURCHASE_GOODS, OpenTasks.LARGE_ORDER, OpenTasks.BUYER),
    INSPECTION(INSPECT_GOODS, OpenTasks.SMALL_ORDER, OpenTasks.INSPECTOR),
    DISPATCH("Task_DispatchRepair", null, SingleGroupUsers.of("logistics-staff")),
    REPAIR_WORK("Task_RepairWork", null, OpenTasks.TECHNICIAN),
    FOLLOW_UP("Task_ConfirmRepair", null, OpenTasks.REPORTER);

    final String taskKey;
    final String items;
    final String actor;

    At(String taskKey, String items, String actor) {
      this.taskKey = taskKey;
      this.items = items;
      this.actor = actor;
    }
  }

  /** One malformed input; {@code {task}} in the path stands for the task a row {@link At} opens. */
  record Row(String name, String caller, String method, String path, String contentType, String body,
             int status, Reason where, String reason, At at) {

    Row(String name, String caller, String method, String path, String contentType, String body, int status,
        Reason where, String reason) {
      this(name, caller, method, path, contentType, body, status, where, reason, At.NOTHING);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String START = "/engine-rest/process-definition/key/" + PROCUREMENT + "/start";
  private static final String REPAIR_START = "/engine-rest/process-definition/key/" + REPAIR + "/start";
  private static final String STARTER = SingleGroupUsers.of("staff");
  private static final String STOREKEEPER = SingleGroupUsers.of("warehouse");
  private static final String TECHNICIAN = SingleGroupUsers.of("technicians");
  private static final String JSON = "application/json";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  @BeforeEach
  void users() {
    SingleGroupUsers.ensure(identityService);
  }

  static Stream<Row> rows() {
    return Stream.of(apiRows(), engineRestRows(), procurementStartRows(), repairStartRows(), procurementTaskRows(),
        repairTaskRows()).flatMap(family -> family);
  }

  static Stream<Row> apiRows() {
    String xss = "<img src=x onerror=alert(1)>";
    String breakout = "ZC\"},{\"injected\":true";
    return Stream.of(
        get("unknown item code", STOREKEEPER, "/api/ledger/items/NO-SUCH-ITEM", 404, "unknown item code: NO-SUCH-ITEM"),
        get("entries of an unknown item", STOREKEEPER, "/api/ledger/items/NO-SUCH-ITEM/entries", 404,
            "unknown item code: NO-SUCH-ITEM"),
        get("blank item code", STOREKEEPER, "/api/ledger/items/%20", 404, "unknown item code:  "),
        get("SQL in an item code", STOREKEEPER, "/api/ledger/items/" + encode("' OR '1'='1"), 404,
            "unknown item code: ' OR '1'='1"),
        get("unknown asset tag", TECHNICIAN, "/api/assets/ZC2099-999999", 404, "unknown asset tag: ZC2099-999999"),
        get("markup in an asset tag comes back as JSON text", TECHNICIAN, "/api/assets/" + encode(xss), 404,
            "unknown asset tag: " + xss),
        get("quotes in an asset tag stay inside the JSON string", TECHNICIAN, "/api/assets/" + encode(breakout), 404,
            "unknown asset tag: " + breakout),
        new Row("SQL in the location filter matches nothing", TECHNICIAN, "GET",
            "/api/assets?location=" + encode("' OR 1=1 --"), null, null, 200, Reason.BODY, "[]"),
        new Row("4000-character custodian filter", TECHNICIAN, "GET", "/api/assets?custodian=" + "x".repeat(4000),
            null, null, 200, Reason.BODY, "[]"),
        new Row("no writing through the ledger API", STOREKEEPER, "POST", "/api/ledger/items", JSON,
            "{\"code\":\"NEW-ITEM\"}", 405, Reason.SPRING_ERROR, "Method Not Allowed"),
        new Row("no changing an item", STOREKEEPER, "PUT", "/api/ledger/items/OFF-A4", JSON, "{\"quantity\":999}",
            405, Reason.SPRING_ERROR, "Method Not Allowed"),
        new Row("no deleting an asset", TECHNICIAN, "DELETE", "/api/assets/ZC2099-999999", null, null, 405,
            Reason.SPRING_ERROR, "Method Not Allowed"),
        get("unknown ledger endpoint", STOREKEEPER, "/api/ledger/balance-sheet", 404, null),
        get("matrix parameter before the ledger", STARTER, "/api;x/ledger/items", 400, "not a plain path"),
        get("matrix parameter inside the ledger path", STARTER, "/api/ledger;x/items", 400, "not a plain path"),
        get("encoded dots", STARTER, "/api/assets/%2e%2e/ledger/items", 400, "not a plain path"),
        get("dot segment", STARTER, "/api/./ledger/items", 400, "not a plain path"),
        get("parent segment with a matrix parameter", STARTER, "/api/assets/..;/ledger/items", 400, "not a plain path"),
        get("double slash", STARTER, "/api//ledger/items", 400, "not a plain path"),
        get("encoded letter still names the ledger", STARTER, "/api/%6cedger/items", 403,
            "user sec-staff is not in any group allowed here"),
        get("upper-case path has no rule", STARTER, "/API/ledger/items", 404, null),
        get("path nobody listed", STARTER, "/api/secrets", 403, "no endpoint of this application answers /api/secrets"),
        get("matrix parameter on the actuator", SingleGroupUsers.of("logistics-head"), "/actuator;x/env", 400,
            "not a plain path"));
  }

  static Stream<Row> engineRestRows() {
    return Stream.of(
        start("body is not JSON", "{", "The request body is not valid JSON for this call: Unexpected end-of-input"),
        start("variables is a string", "{\"variables\": \"oops\"}",
            "The request body is not valid JSON for this call: Cannot construct instance of `java.util.LinkedHashMap`"),
        start("body is an array", "[1, 2]", "The request body is not valid JSON for this call: Cannot deserialize value"),
        startWith("unknown value type", "reason", typed("x", "NoSuchType"), "Unsupported value type 'NoSuchType'"),
        startWith("text as Integer", "quantity", typed("abc", "Integer"),
            "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer"),
        startWith("fraction as Integer", "quantity", typed(1.5, "Integer"), "Cannot convert value '1.5' of type 'Integer'"),
        startWith("Integer overflow", "quantity", typed(99999999999999L, "Integer"),
            "Cannot convert value '99999999999999' of type 'Integer'"),
        startWith("text as Long", "quantity", typed("12x", "Long"), "Cannot convert value '12x' of type 'Long'"),
        startWith("text as Double", "unitPrice", typed("abc", "Double"), "Cannot convert value 'abc' of type 'Double'"),
        startWith("Short overflow", "quantity", typed(70000, "Short"), "Cannot convert value '70000' of type 'Short'"),
        startWith("words as Date", "neededBy", typed("yesterday", "Date"), "Cannot convert value 'yesterday' of type 'Date'"),
        startWith("maybe as Boolean", "urgent", typed("maybe", "Boolean"), "Cannot convert value 'maybe' of type 'Boolean'"),
        startWith("Java-serialized object", "payload", javaSerialized(), "Java serialization format is prohibited"),
        startWith("5000-character reason", "reason", typed("x".repeat(5000), "String"),
            "Text variable 'reason' is 5000 characters long; at most 4000 are allowed"),
        startWith("4001 Chinese characters", "reason", typed("修".repeat(4001), "String"),
            "Text variable 'reason' is 4001 characters long; at most 4000 are allowed"),
        startWith("oversize untyped text", "department", Map.of("value", "部".repeat(4500)),
            "Text variable 'department' is 4500 characters long; at most 4000 are allowed"),
        startWith("XML object", "reason", objectIn("application/xml", "java.lang.String", "<a/>"),
            "Cannot deserialize object in variable 'reason'"),
        startWith("object in an unknown format", "reason", objectIn("text/x-unknown", "java.lang.String", "x"),
            "Cannot deserialize object in variable 'reason'"),
        startWith("JSON object of a class outside the application", "reason", objectIn("application/json",
            "java.io.File", "\"/etc/passwd\""), "Cannot deserialize object in variable 'reason'"),
        startWith("300-character variable name", "v".repeat(300), typed("x", "String"), "it may not set vvvv"),
        new Row("task query from a negative position", STARTER, "GET", "/engine-rest/task?firstResult=-1&maxResults=10",
            null, null, 400, Reason.MESSAGE, "firstResult must be a whole number of at least 0"),
        new Row("negative page size", STARTER, "GET", "/engine-rest/history/task?firstResult=0&maxResults=-5",
            null, null, 400, Reason.MESSAGE, "maxResults must be a whole number of at least 0"),
        new Row("completing a task that is not there", STARTER, "POST", "/engine-rest/task/no-such-task/complete", JSON,
            "{}", 404, Reason.MESSAGE, "Cannot find task with id no-such-task"),
        new Row("300-character business key", STARTER, "POST", START, JSON,
            TestHttp.json(Map.of("businessKey", "K".repeat(300), "variables", ValidStarts.variables(PROCUREMENT))),
            400, Reason.MESSAGE, "Business key is 300 characters long; at most 255 are allowed"),
        new Row("start past the approvals", STARTER, "POST", START, JSON, TestHttp.json(Map.of(
            "variables", ValidStarts.variables(PROCUREMENT), "skipCustomListeners", true, "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_PurchaseGoods")))),
            403, Reason.MESSAGE, "may not start a process at a chosen activity (only at its start event): reserved to "
            + "camunda-admin"),
        new Row("skip listeners at the start event", STARTER, "POST", START, JSON, TestHttp.json(Map.of(
            "variables", ValidStarts.variables(PROCUREMENT), "skipCustomListeners", true)), 400, Reason.MESSAGE,
            "Cannot skip custom listeners or input/output mappings when start a process instance at default start activity"),
        new Row("unknown process key", STARTER, "POST", "/engine-rest/process-definition/key/no-such-process/start", JSON,
            "{}", 404, Reason.MESSAGE, "No matching process definition with key: no-such-process and no tenant-id"),
        new Row("SQL in a process key", STARTER, "POST",
            "/engine-rest/process-definition/key/" + encode("procurement' OR '1'='1").replace("+", "%20") + "/start",
            JSON, "{}", 404, Reason.MESSAGE,
            "No matching process definition with key: procurement' OR '1'='1 and no tenant-id"),
        new Row("plain text body", STARTER, "POST", START, "text/plain", "please start", 415, Reason.MESSAGE,
            "HTTP 415 Unsupported Media Type"),
        new Row("task list without a page size", STARTER, "GET", "/engine-rest/task", null, null, 400, Reason.MESSAGE,
            "An unbound number of results is forbidden!"),
        new Row("page size that is not a number", STARTER, "GET", "/engine-rest/task?maxResults=abc", null, null, 400,
            Reason.MESSAGE, "Invalid value for parameter 'maxResults'"),
        new Row("expression in a task query", STARTER, "GET",
            "/engine-rest/task?maxResults=10&assigneeExpression=" + encode("${execution.setVariable('x', 1)}"), null,
            null, 400, Reason.MESSAGE, "Expressions are forbidden in adhoc queries"),
        new Row("date query parameter that is not a date", STARTER, "GET",
            "/engine-rest/task?maxResults=10&dueBefore=not-a-date", null, null, 400, Reason.MESSAGE,
            "Cannot set query parameter 'dueBefore' to value 'not-a-date'"),
        new Row("unknown sort key", STARTER, "GET",
            "/engine-rest/process-instance?maxResults=10&sortOrder=asc&sortBy=" + encode("id; DROP TABLE ACT_RU_TASK"),
            null, null, 400, Reason.MESSAGE, "Cannot set query parameter 'sortBy' to value 'id; DROP TABLE ACT_RU_TASK'"));
  }

  /** Purchase requests the model refuses (the start form's contract, RequestChecks, RequestLines, JsonVariable): 400, no instance. */
  static Stream<Row> procurementStartRows() {
    return Stream.of(
        items("zero quantity", "[" + line(0, 6.5, "office") + "]", "items line 1: quantity must be at least 0.001"),
        items("negative quantity", "[" + line(-3, 6.5, "office") + "]", "采购明细第1行：数量不能小于0.001"),
        items("absurd quantity", "[" + line(1_000_000_000, 6.5, "office") + "]",
            "items line 1: quantity must be at most 100000"),
        items("absurd unit price", "[" + line(1, 50_000_000, "office") + "]",
            "items line 1: unitPrice must be at most 1000000"),
        items("absurd total", "[" + line(100_000, 1000, "office") + "]", "items total 100000000.00 exceeds 10000000"),
        items("quantity with four decimals", "[" + line(1.2345, 6.5, "office") + "]",
            "items line 1: quantity has more than 3 decimals"),
        items("quantity as words", "[" + line("许多", 6.5, "office") + "]", "items line 1: quantity must be a number"),
        items("unknown category", "[" + line(1, 6.5, "weapons") + "]", "采购明细第1行：类别取值无效：weapons / items line 1: category must be one of"),
        items("line without a name", "[{\"newItem\":true,\"category\":\"office\",\"unit\":\"盒\",\"quantity\":1,\"unitPrice\":1}]",
            "items line 1: name is required"),
        items("line that is not an object", "[42]", "采购明细第1行格式错误 / items line 1 is not an object"),
        startWith("malformed items JSON as text", "items", typed("[{\"name\": \"粉笔\"", "String"),
            "items is not valid JSON"),
        items("malformed items JSON as a Json variable", "[{\"name\": \"粉笔\"",
            "Json variable 'items' is not valid JSON: Unexpected end-of-input"),
        items("empty item list", "[]", "items needs at least one line"),
        items("items an object, not a list", line(1, 6.5, "office"), "采购明细必须是列表 / items must be a JSON list"),
        items("51 item lines", "[" + String.join(",", Collections.nCopies(51, line(1, 1, "office"))) + "]",
            "items has at most 50 lines"),
        startWith("items as a number", "items", typed(5, "Integer"), "items must be a JSON list, not Integer"),
        startWithout("missing department", "department", "申请部门必填 / department is required"),
        startWith("blank reason", "reason", typed("   ", "String"), "reason is required"),
        startWithout("missing neededBy", "neededBy", "neededBy is required"),
        startWith("past neededBy", "neededBy", typed("2020-01-01", "String"), "neededBy 2020-01-01 is in the past"),
        startWith("neededBy five years ahead", "neededBy",
            typed(java.time.LocalDate.now().plusYears(5).toString(), "String"), "is more than 2 years ahead"),
        startWith("neededBy in words", "neededBy", typed("下周", "String"), "需用日期格式不正确 / neededBy does not match"),
        startWith("501-character reason", "reason", typed("长".repeat(501), "String"),
            "reason is longer than 500 characters"),
        startWith("51-character department", "department", typed("部".repeat(51), "String"),
            "department is longer than 50 characters"),
        startWith("department as a number", "department", typed(42, "Integer"), "department must be a string"),
        startWith("neededBy as a Date variable", "neededBy", typed("2030-01-01T00:00:00.000+0000", "Date"),
            "neededBy must be a string"));
  }

  /** Repair reports the model refuses (the start form's contract, ValidateRepairReport): 400, no instance. */
  static Stream<Row> repairStartRows() {
    return Stream.of(
        report("unknown asset tag", "assetTag", typed("ZC2099-999999", "String"), "unknown asset tag: ZC2099-999999"),
        report("asset tag that is not a tag", "assetTag", typed("三楼投影仪", "String"), "资产编号格式不正确 / assetTag does not match"),
        report("invalid category", "category", typed("weapons", "String"),
            "报修类别取值无效：weapons / category must be one of"),
        report("invalid urgency", "urgency", typed("whenever", "String"), "urgency must be one of urgent, normal"),
        report("missing location", "location", null, "报修地点必填 / location is required"),
        report("blank description", "description", typed("  ", "String"), "description is required"),
        report("1001-character description", "description", typed("漏".repeat(1001), "String"),
            "description is longer than 1000 characters"),
        report("location as a number", "location", typed(305, "Integer"), "location must be a string"),
        report("teacher reporting for someone else", "reporterId", typed("zhangwei", "String"),
            "only logistics staff may report on behalf of zhangwei"),
        report("unknown reporter", "reporterId", typed("ghost", "String"), "unknown reporter: ghost"));
  }

  /** Procurement task completions the listeners refuse: 400, the task stays open as it was. */
  static Stream<Row> procurementTaskRows() {
    String twoQuotes = "[{\"supplier\":\"晨光文具公司\",\"amount\":6000},{\"supplier\":\"得力办公\",\"amount\":6100}]";
    String threeQuotes = "[{\"supplier\":\"晨光文具公司\",\"amount\":6000},{\"supplier\":\"得力办公\",\"amount\":6100},"
        + "{\"supplier\":\"齐心商贸\",\"amount\":6200}]";
    return Stream.of(
        complete("decision not in the list", At.APPROVAL, "审批意见取值无效：maybe / decision must be one of approve, reject, revise",
            "decision", typed("maybe", "String")),
        complete("no decision", At.APPROVAL, "审批意见必填 / decision is required",
            "decision", null),
        complete("reject without a comment", At.APPROVAL, "驳回或退回修改的理由必填 / comment is required",
            "decision", typed("reject", "String"), "comment", null),
        complete("return for revision with a blank comment", At.APPROVAL, "comment is required",
            "decision", typed("revise", "String"), "comment", typed("   ", "String")),
        complete("501-character approval comment", At.APPROVAL, "comment is longer than 500 characters",
            "comment", typed("批".repeat(501), "String")),
        complete("two quotes where three are required", At.QUOTED_PURCHASE,
            "本次采购须有至少3家供应商报价，目前只有2家 / this purchase needs quotes from at least 3 suppliers, got 2",
            "quotes", typed(twoQuotes, "Json")),
        complete("no quotes where three are required", At.QUOTED_PURCHASE,
            "this purchase needs quotes from at least 3 suppliers, got 0", "quotes", null),
        complete("chosen supplier without a quote", At.QUOTED_PURCHASE,
            "the chosen supplier 某某贸易 must be one of the quotes",
            "supplier", typed("某某贸易", "String"), "quotes", typed(threeQuotes, "Json")),
        complete("same supplier quoted twice", At.PURCHASE, "quotes line 2: supplier 得力办公 quoted twice",
            "quotes", typed("[{\"supplier\":\"得力办公\",\"amount\":13},{\"supplier\":\"得力办公\",\"amount\":12}]",
                "Json")),
        complete("quotes an object, not a list", At.PURCHASE, "供应商报价必须是列表 / quotes must be a JSON list",
            "quotes", typed("{\"supplier\":\"得力办公\",\"amount\":13}", "Json")),
        complete("no supplier", At.PURCHASE, "选定供应商必填 / supplier is required", "supplier", null),
        complete("purchase lines that do not match the request", At.PURCHASE,
            "purchaseItems must have one line per requested line (1)",
            "purchaseItems", typed("[{\"unitPrice\":6.5},{\"unitPrice\":1}]", "Json")),
        complete("negative actual unit price", At.PURCHASE, "实际采购明细第1行：实际单价不能小于0.01 / purchaseItems line 1: unitPrice must be at least 0.01",
            "purchaseItems", typed("[{\"unitPrice\":-6.5}]", "Json")),
        complete("quotes rule switched off by the buyer", At.QUOTED_PURCHASE,
            "completing Task_PurchaseGoods may set only orderNo, purchaseItems, quotes, supplier; it may not change "
                + "quotesRequired", "quotes", typed(twoQuotes, "Json"), "quotesRequired", typed(false, "Boolean")),
        complete("approved amount raised by the buyer", At.PURCHASE, "it may not change approvedAmount",
            "purchaseItems", typed("[{\"unitPrice\":5000}]", "Json"), "approvedAmount", typed(20000, "Double")),
        complete("loop counter moved by the approver", At.APPROVAL, "it may not change loopCounter",
            "loopCounter", typed(5, "Integer")),
        complete("inspection result not in the list", At.INSPECTION,
            "验收结论取值无效：ok / inspectionResult must be one of accepted, partial, rejected",
            "inspectionResult", typed("ok", "String")),
        complete("partial acceptance without a note", At.INSPECTION,
            "an inspection note is required when the result is partial",
            "inspectionResult", typed("partial", "String"), "acceptedQuantities", typed("[{\"accepted\":1}]", "Json")),
        complete("rejection without a note", At.INSPECTION, "an inspection note is required when the result is rejected",
            "inspectionResult", typed("rejected", "String")),
        complete("accepted more than delivered", At.INSPECTION,
            "验收数量第1行（无尘粉笔）必须在0到2之间 / accepted quantity of line 1 (无尘粉笔) must be between 0 and 2",
            "inspectionResult", typed("partial", "String"), "inspectionNote", typed("多收", "String"),
            "acceptedQuantities", typed("[{\"accepted\":5}]", "Json")),
        complete("negative accepted quantity", At.INSPECTION,
            "各行合格数量第1行：合格数量不能小于0 / acceptedQuantities line 1: accepted must be at least 0",
            "inspectionResult", typed("partial", "String"), "inspectionNote", typed("破损", "String"),
            "acceptedQuantities", typed("[{\"accepted\":-1}]", "Json")),
        complete("partial acceptance of nothing", At.INSPECTION, "a partial acceptance accepts something",
            "inspectionResult", typed("partial", "String"), "inspectionNote", typed("全坏", "String"),
            "acceptedQuantities", typed("[{\"accepted\":0}]", "Json")));
  }

  /** Repair task completions the listeners refuse: 400, the task stays open as it was, no stock moves. */
  static Stream<Row> repairTaskRows() {
    return Stream.of(
        complete("dispatch mode not in the list", At.DISPATCH,
            "dispatchMode must be one of technician, contractor", "dispatchMode", typed("robot", "String")),
        complete("dispatch to someone who is not a technician", At.DISPATCH,
            "维修工取值无效：zhangwei / technician must be one of", "technician", typed("zhangwei", "String")),
        complete("contractor without a name", At.DISPATCH, "contractor is required",
            "dispatchMode", typed("contractor", "String"), "technician", null),
        complete("unknown part item code", At.REPAIR_WORK,
            "所用库存配件第1行：物品取值无效：NO-SUCH-PART / partsUsed line 1: itemCode must be one of",
            "partsUsed", typed("[{\"itemCode\":\"NO-SUCH-PART\",\"quantity\":1}]", "Json")),
        complete("negative part quantity", At.REPAIR_WORK,
            "所用库存配件第1行：数量不能小于0.001 / partsUsed line 1: quantity must be at least 0.001",
            "partsUsed", typed("[{\"itemCode\":\"ELE-T8TUBE\",\"quantity\":-2}]", "Json")),
        complete("absurd part quantity", At.REPAIR_WORK, "所用库存配件第1行：数量不能大于1000 / partsUsed line 1: quantity must be at most 1000",
            "partsUsed", typed("[{\"itemCode\":\"ELE-T8TUBE\",\"quantity\":5000}]", "Json")),
        complete("part line without an item", At.REPAIR_WORK, "所用库存配件第1行：物品必填 / partsUsed line 1: itemCode is required",
            "partsUsed", typed("[{\"quantity\":1}]", "Json")),
        complete("same part twice", At.REPAIR_WORK, "ELE-T8TUBE appears twice",
            "partsUsed", typed("[{\"itemCode\":\"ELE-T8TUBE\",\"quantity\":1},{\"itemCode\":\"ELE-T8TUBE\",\"quantity\":1}]",
                "Json")),
        complete("malformed parts JSON as text", At.REPAIR_WORK,
            "所用库存配件不是有效的JSON / partsUsed is not valid JSON",
            "partsUsed", typed("[{\"itemCode\":\"ELE-T8TUBE\"", "String")),
        complete("malformed parts JSON as a Json variable", At.REPAIR_WORK,
            "Json variable 'partsUsed' is not valid JSON: Unexpected end-of-input",
            "partsUsed", typed("[{\"itemCode\":\"ELE-T8TUBE\"", "Json")),
        complete("cause not in the list", At.REPAIR_WORK, "cause must be one of wear, damage, other",
            "cause", typed("aliens", "String")),
        complete("no work description", At.REPAIR_WORK, "维修内容必填 / workDone is required", "workDone", null),
        complete("negative repair cost", At.REPAIR_WORK, "维修费用不能小于0 / repairCost must be at least 0",
            "repairCost", typed(-50, "Double")),
        complete("repair cost in words", At.REPAIR_WORK, "repairCost must be a number",
            "repairCost", typed("五十元", "String")),
        complete("satisfaction 0", At.FOLLOW_UP, "满意度取值无效：0 / satisfaction must be one of 5, 4, 3, 2, 1",
            "satisfaction", typed(0, "Integer")),
        complete("satisfaction 6", At.FOLLOW_UP, "满意度取值无效：6 / satisfaction must be one of 5, 4, 3, 2, 1",
            "satisfaction", typed(6, "Integer")),
        complete("satisfaction 3.5", At.FOLLOW_UP, "满意度取值无效：3.5 / satisfaction must be one of 5, 4, 3, 2, 1",
            "satisfaction", typed(3.5, "Double")),
        complete("no satisfaction", At.FOLLOW_UP, "satisfaction is required", "satisfaction", null),
        complete("fixed is neither yes nor no", At.FOLLOW_UP, "是否已修好取值无效：maybe / fixed must be one of true, false",
            "fixed", typed("maybe", "String")),
        complete("501-character follow-up comment", At.FOLLOW_UP, "followUpComment is longer than 500 characters",
            "followUpComment", typed("意".repeat(501), "String")));
  }

  private static Row get(String name, String caller, String path, int status, String message) {
    return new Row(name, caller, "GET", path, null, null, status, message == null ? Reason.SPRING_ERROR : Reason.MESSAGE,
        message == null ? "Not Found" : message);
  }

  private static Row start(String name, String body, String message) {
    return new Row(name, STARTER, "POST", START, JSON, body, 400, Reason.MESSAGE, message);
  }

  /** A procurement start that is valid except for one variable. */
  private static Row startWith(String name, String variable, Map<String, Object> value, String message) {
    Map<String, Object> variables = new LinkedHashMap<>(ValidStarts.variables(PROCUREMENT));
    variables.put(variable, value);
    return start(name, TestHttp.json(Map.of("variables", variables)), message);
  }

  /** A procurement start that is valid except for one variable, which it lacks. */
  private static Row startWithout(String name, String variable, String message) {
    Map<String, Object> variables = new LinkedHashMap<>(ValidStarts.variables(PROCUREMENT));
    variables.remove(variable);
    return start(name, TestHttp.json(Map.of("variables", variables)), message);
  }

  /** A procurement start whose item lines are the given JSON (a Json variable, as Tasklist sends it). */
  private static Row items(String name, String itemsJson, String message) {
    return startWith(name, "items", typed(itemsJson, "Json"), message);
  }

  /** One item line as JSON; quantity and unit price as given (numbers or anything else). */
  private static String line(Object quantity, Object unitPrice, String category) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("newItem", true);
    line.put("name", "无尘粉笔");
    line.put("spec", "白色 100支/盒");
    line.put("category", category);
    line.put("unit", "盒");
    line.put("quantity", quantity);
    line.put("unitPrice", unitPrice);
    return TestHttp.json(line);
  }

  /** A repair report, valid except for one variable (null: left out), as a teacher through REST. */
  private static Row report(String name, String variable, Map<String, Object> value, String message) {
    Map<String, Object> variables = new LinkedHashMap<>(ValidStarts.variables(REPAIR));
    if (value == null) {
      variables.remove(variable);
    } else {
      variables.put(variable, value);
    }
    return new Row(name, STARTER, "POST", REPAIR_START, JSON, TestHttp.json(Map.of("variables", variables)), 400,
        Reason.MESSAGE, message);
  }

  /**
   * Completing the task a row opens, as the user who may: the valid completion of
   * {@link OpenTasks#completion(String)} with the given changes (name, REST value or null to leave it out).
   */
  private static Row complete(String name, At at, String message, Object... changes) {
    Map<String, Object> variables = new LinkedHashMap<>(OpenTasks.completion(at.taskKey));
    IntStream.iterate(0, i -> i < changes.length, i -> i + 2).forEach(i -> {
      String variable = (String) changes[i];
      if (changes[i + 1] == null) {
        variables.remove(variable);
      } else {
        variables.put(variable, changes[i + 1]);
      }
    });
    return new Row(name, at.actor, "POST", "/engine-rest/task/{task}/complete", JSON,
        TestHttp.json(Map.of("variables", variables)), 400, Reason.MESSAGE, message, at);
  }

  private static Map<String, Object> objectIn(String format, String type, String serialized) {
    Map<String, Object> value = new LinkedHashMap<>(typed(serialized, "Object"));
    value.put("valueInfo", Map.of("serializationDataFormat", format, "objectTypeName", type));
    return value;
  }

  private static Map<String, Object> javaSerialized() {
    Map<String, Object> value = new LinkedHashMap<>(typed("rO0ABXQAA2FiYw==", "Object"));
    value.put("valueInfo", Map.of("serializationDataFormat", "application/x-java-serialized-object",
        "objectTypeName", "java.lang.String"));
    return value;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Opens a new case at the row's task and claims it as the row's caller, unless the model assigned it. */
  private String openTask(Row row) {
    OpenTasks cases = new OpenTasks(processEngine);
    Task task = row.at().items == null ? cases.openAt(row.at().taskKey)
        : cases.procurementAt(row.at().taskKey, OpenTasks.REQUESTER, row.at().items);
    if (task.getAssignee() == null) {
      cases.claim(row.caller(), task);
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .as("the row's caller works on the task").isEqualTo(row.caller());
    return task.getId();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rows")
  void refusedWithAReasonAndNothingChanges(Row row) {
    String taskId = row.at() == At.NOTHING ? null : openTask(row);
    String path = taskId == null ? row.path() : row.path().replace("{task}", taskId);
    Snapshot snapshot = new Snapshot(processEngine, ledger, assets);
    Snapshot.State before = snapshot.of(taskId);

    Answer answer = new TestHttp(port).send(row.method(), path, row.caller(), row.caller(), row.contentType(),
        row.body());

    assertThat(answer.status()).as(answer.body()).isEqualTo(row.status());
    switch (row.where()) {
      case MESSAGE -> assertThat(answer.json().path("message").asText()).as(answer.body()).contains(row.reason());
      case SPRING_ERROR -> assertThat(answer.json().path("error").asText()).as(answer.body()).isEqualTo(row.reason());
      case BODY -> assertThat(answer.body()).isEqualTo(row.reason());
    }
    if (answer.status() >= 400 && answer.body().startsWith("{")) {
      assertThat(answer.json().has("injected")).as("quotes in input never end the JSON string").isFalse();
    }
    assertThat(snapshot.of(taskId)).as("nothing changed").isEqualTo(before);
  }
}
