package edu.campus.logistics.input;

import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.Reconciliation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input through every door that exists, one row each: the answer's status and its reason, and
 * that nothing changed (no process instance, no task, no ledger entry, the same reconciliation, no
 * asset card). Rows are grouped by door ({@link #apiRows()}, {@link #engineRestRows()}); a process
 * that lands adds its own group (start variables out of range, unknown item codes in item lines,
 * separation-of-duties violations through REST) as another {@code Stream<Row>} joined in
 * {@link #rows()}.
 */
@CampusTest
class MalformedInputTest {

  /** Where the reason is: the JSON field of the answer, or the whole body. */
  enum Reason { MESSAGE, SPRING_ERROR, BODY }

  record Row(String name, String caller, String method, String path, String contentType, String body,
             int status, Reason where, String reason) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String START = "/engine-rest/process-definition/key/" + PROCUREMENT + "/start";
  private static final String STARTER = SingleGroupUsers.of("staff");
  private static final String STOREKEEPER = SingleGroupUsers.of("warehouse");
  private static final String TECHNICIAN = SingleGroupUsers.of("technicians");
  private static final String JSON = "application/json";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
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
    return Stream.concat(apiRows(), engineRestRows());
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
        get("unknown ledger endpoint", STOREKEEPER, "/api/ledger/balance-sheet", 404, null));
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
        new Row("300-character business key", STARTER, "POST", START, JSON,
            TestHttp.json(Map.of("businessKey", "K".repeat(300), "variables", ValidStarts.variables(PROCUREMENT))),
            400, Reason.MESSAGE, "Business key is 300 characters long; at most 255 are allowed"),
        new Row("start past the approvals", STARTER, "POST", START, JSON, TestHttp.json(Map.of(
            "variables", ValidStarts.variables(PROCUREMENT), "skipCustomListeners", true, "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "EndEvent_RequestDecided")))),
            403, Reason.MESSAGE, "may start a process only at its start event: starting at a chosen activity is "
            + "reserved to camunda-admin"),
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

  private static Map<String, Object> javaSerialized() {
    Map<String, Object> value = new LinkedHashMap<>(typed("rO0ABXQAA2FiYw==", "Object"));
    value.put("valueInfo", Map.of("serializationDataFormat", "application/x-java-serialized-object",
        "objectTypeName", "java.lang.String"));
    return value;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What must not move when input is refused. */
  record State(long instances, long historicInstances, long tasks, long ledgerEntries, Reconciliation reconciliation,
               List<Item> items, long assetCards) {
  }

  private State state() {
    long entries = ledger.items().stream().mapToLong(item -> ledger.entries(item.code()).size()).sum();
    return new State(runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count(), taskService.createTaskQuery().count(), entries,
        ledger.reconcile(), ledger.items(), assets.search(null, null).size());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rows")
  void refusedWithAReasonAndNothingChanges(Row row) {
    State before = state();

    Answer answer = new TestHttp(port).send(row.method(), row.path(), row.caller(), row.caller(), row.contentType(),
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
    assertThat(state()).as("nothing changed").isEqualTo(before);
  }
}
