package edu.campus.logistics.stocktake;

import static edu.campus.logistics.ValidStarts.typed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/**
 * Brings stocktakes along through the doors people use (REST as the user, HTTP Basic), with stock and
 * asset cards of the test's own: items registered and received, cards at a location no other test uses.
 */
final class StocktakeDriver {

  static final String STARTER = "gaoming";
  static final String COUNTER = "wuxiaohong";
  static final String APPROVER = "wangfang";
  static final String PRINCIPAL = "lijianguo";
  /** In warehouse and general-affairs: may count, and may approve what others counted. */
  static final String DUAL = "st-dual";

  final ProcessEngine engine;
  final LedgerService ledger;
  final AssetRegister assets;
  final TestHttp http;
  final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

  StocktakeDriver(ProcessEngine engine, LedgerService ledger, AssetRegister assets, TestHttp http) {
    this.engine = engine;
    this.ledger = ledger;
    this.assets = assets;
    this.http = http;
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(DUAL).count() == 0) {
      User user = identity.newUser(DUAL);
      user.setFirstName("兼");
      user.setLastName("保管员");
      user.setPassword(DUAL);
      identity.saveUser(user);
      for (String group : List.of("staff", "warehouse", "general-affairs")) {
        identity.createMembership(DUAL, group);
      }
    }
  }

  /** A new item of the catalogue with this much in stock at this unit cost. */
  String item(String name, String unit, String category, String quantity, String unitCost) {
    String code = "ST" + run + "-" + (ledger.items().size() + 1);
    ledger.registerItem(new NewItem(code, name, "清查测试", unit, category, BigDecimal.ZERO));
    if (quantity != null) {
      ledger.receive(Voucher.manual("ST-OPEN-" + code, COUNTER), List.of(StockLine.of(code, new BigDecimal(quantity),
          new BigDecimal(unitCost))));
    }
    return code;
  }

  /** {@code count} asset cards of a new item at the location. */
  List<Asset> cards(String category, int count, String cost, String location, LocalDate acquiredOn) {
    String code = item("测试设备", "台", category, null, null);
    return assets.register(Voucher.manual("ST-CARDS-" + code, COUNTER),
        new NewAssets(1, code, count, new BigDecimal(cost), location, "custodian-" + run, acquiredOn));
  }

  String location(String room) {
    return "清查楼" + run + "/" + room;
  }

  /** Starts a stocktake through REST as the user; the answer (200 with id and business key, or the refusal). */
  Answer start(String user, Map<String, Object> variables) {
    Map<String, Object> typedVariables = new LinkedHashMap<>();
    variables.forEach((name, value) -> typedVariables.put(name, typed(value, value instanceof Boolean ? "Boolean" : "String")));
    return http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.STOCKTAKE + "/start", user,
        TestHttp.json(Map.of("variables", typedVariables)));
  }

  static Map<String, Object> scope(String type, String value, boolean includeOverdue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("scopeType", type);
    if ("category".equals(type)) {
      variables.put("scopeCategory", value);
    }
    if ("location".equals(type)) {
      variables.put("scopeLocation", value);
    }
    variables.put("includeOverdue", includeOverdue);
    return variables;
  }

  String started(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asText();
  }

  List<Task> tasks(String instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list();
  }

  Task task(String instance, String taskKey) {
    List<Task> found = tasks(instance, taskKey);
    assertThat(found).as("open " + taskKey).hasSize(1);
    return found.get(0);
  }

  JsonNode local(Task task, String name) {
    Object value = engine.getTaskService().getVariableLocal(task.getId(), name);
    try {
      return TestHttp.JSON.readTree(value.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The counting task whose sheet lists this item or asset. */
  Task sheetWith(String instance, String codeOrTag) {
    for (Task task : tasks(instance, "Task_CountStock")) {
      for (String options : List.of("itemOptions", "assetOptions")) {
        for (JsonNode option : local(task, options)) {
          if (option.path("value").asText().equals(codeOrTag)) {
            return task;
          }
        }
      }
    }
    throw new AssertionError("no counting task lists " + codeOrTag);
  }

  /**
   * Completes every open counting task as the user: the given counts and findings where given, for the
   * other items of a sheet (other tests' stock in the same category) what the books say, other assets present.
   */
  void countAll(String instance, String user, Map<String, String> counts, Map<String, String[]> findings) {
    for (Task task : tasks(instance, "Task_CountStock")) {
      Answer answer = count(task, user, rows(task, counts), findingRows(task, findings));
      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }
  }

  List<Map<String, Object>> rows(Task task, Map<String, String> counts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode option : local(task, "itemOptions")) {
      String code = option.path("value").asText();
      String quantity = counts.containsKey(code) ? counts.get(code)
          : ledger.findItem(code).orElseThrow().quantity().stripTrailingZeros().toPlainString();
      rows.add(Map.of("itemCode", code, "quantity", new BigDecimal(quantity)));
    }
    return rows;
  }

  List<Map<String, Object>> findingRows(Task task, Map<String, String[]> findings) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode option : local(task, "assetOptions")) {
      String tag = option.path("value").asText();
      String[] finding = findings.getOrDefault(tag, new String[] {"present"});
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("assetTag", tag);
      row.put("finding", finding[0]);
      if (finding.length > 1) {
        row.put("foundLocation", finding[1]);
      }
      rows.add(row);
    }
    return rows;
  }

  Answer count(Task task, String user, List<Map<String, Object>> items, List<Map<String, Object>> findings) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("countedItems", Map.of("value", TestHttp.json(items), "type", "Json"));
    variables.put("assetFindings", Map.of("value", TestHttp.json(findings), "type", "Json"));
    return http.postJson("/engine-rest/task/" + task.getId() + "/complete", user,
        TestHttp.json(Map.of("variables", variables)));
  }

  Answer decide(Task task, String user, String decision, String comment) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("decision", typed(decision, "String"));
    if (comment != null) {
      variables.put("approvalComment", typed(comment, "String"));
    }
    return http.postJson("/engine-rest/task/" + task.getId() + "/complete", user,
        TestHttp.json(Map.of("variables", variables)));
  }

  /** Runs the case's due asynchronous steps (the posting), as the job executor would. */
  void runJobs(String instance) {
    var management = engine.getManagementService();
    for (int round = 0; round < 5; round++) {
      var jobs = management.createJobQuery().processInstanceId(instance).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  BigDecimal balance(String code) {
    return ledger.findItem(code).orElseThrow().quantity();
  }

  long adjustments(String code) {
    return ledger.entries(code).stream().filter(entry -> entry.type().name().equals("ADJUSTMENT")).count();
  }

  String businessKey(String instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
  }

  boolean ended(String instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0;
  }
}
