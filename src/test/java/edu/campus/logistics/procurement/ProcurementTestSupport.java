package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.STOCK_GOODS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.cases.JsonVariable;
import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.StockCaseTest;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Item;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/** Drives procurement requests the way the demo users do in Tasklist, through the engine's Java API. */
abstract class ProcurementTestSupport extends StockCaseTest {

  static Map<String, Object> line(String name, String spec, String category, String unit, String quantity,
                                  String unitPrice) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("newItem", true);
    line.put("name", name);
    line.put("spec", spec);
    line.put("category", category);
    line.put("unit", unit);
    line.put("quantity", new BigDecimal(quantity));
    line.put("unitPrice", new BigDecimal(unitPrice));
    return line;
  }

  /** A line for goods no other test buys, so that balances start at zero. */
  static Map<String, Object> uniqueLine(String name, String category, String unit, String quantity, String unitPrice) {
    return line(name, "测试规格 " + UUID.randomUUID(), category, unit, quantity, unitPrice);
  }

  static Map<String, Object> request(List<Map<String, Object>> lines) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("department", "语文组");
    variables.put("reason", "新学期教学需要");
    variables.put("neededBy", LocalDate.now().plusDays(14).toString());
    variables.put("items", SpinValues.jsonValue(toJson(lines)).create());
    return variables;
  }

  static String toJson(Object value) {
    try {
      return JsonVariable.MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected ProcessInstance start(String requester, List<Map<String, Object>> lines) {
    return start(requester, request(lines));
  }

  protected ProcessInstance start(String requester, Map<String, Object> variables) {
    return cases.as(requester, () -> runtimeService.startProcessInstanceByKey(ProcessKeys.PROCUREMENT,
        "PT-" + UUID.randomUUID(), variables));
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  /** Claims the open task (unless it is assigned already) and completes it, as the given user. */
  protected void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> variables) {
    Task task = task(instance, taskKey);
    assertThat(task).as("open task " + taskKey).isNotNull();
    cases.claimAndComplete(userId, task, variables);
  }

  protected void decide(ProcessInstance instance, String userId, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision);
    variables.put("comment", comment);
    complete(instance, APPROVE_REQUEST, userId, variables);
  }

  protected void approve(ProcessInstance instance, String userId) {
    decide(instance, userId, "approve", "同意");
  }

  /** Buys at the given unit prices (one per line), with three quotes. */
  protected void purchase(ProcessInstance instance, String buyer, String... unitPrices) {
    complete(instance, PURCHASE_GOODS, buyer, purchase(instance, 3, unitPrices));
  }

  protected Map<String, Object> purchase(ProcessInstance instance, int quotes, String... unitPrices) {
    JsonNode prefilled = json(instance, "purchaseItems");
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < prefilled.size(); i++) {
      Map<String, Object> line = JsonVariable.MAPPER.convertValue(prefilled.get(i), Map.class);
      line.put("unitPrice", new BigDecimal(unitPrices[i]));
      lines.add(line);
    }
    List<Map<String, Object>> offers = new ArrayList<>();
    String[] suppliers = {"晨光文具公司", "得力办公", "齐心商贸"};
    for (int i = 0; i < quotes; i++) {
      offers.add(Map.of("supplier", suppliers[i], "amount", 1000 + i * 10, "note", "含税含运费"));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("supplier", suppliers[0]);
    variables.put("orderNo", "PO-" + UUID.randomUUID().toString().substring(0, 8));
    variables.put("purchaseItems", SpinValues.jsonValue(toJson(lines)).create());
    variables.put("quotes", SpinValues.jsonValue(toJson(offers)).create());
    return variables;
  }

  protected void inspect(ProcessInstance instance, String inspector, String result, String note, String... accepted) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("inspectionResult", result);
    variables.put("inspectionNote", note);
    if (accepted.length > 0) {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (String quantity : accepted) {
        lines.add(Map.of("accepted", new BigDecimal(quantity)));
      }
      variables.put("acceptedQuantities", SpinValues.jsonValue(toJson(lines)).create());
    }
    complete(instance, INSPECT_GOODS, inspector, variables);
  }

  protected void store(ProcessInstance instance, String storageLocation) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("storageLocation", storageLocation);
    complete(instance, CONFIRM_STORAGE, "wuxiaohong", variables);
  }

  protected Job stockingJob(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(STOCK_GOODS).singleResult();
  }

  protected void runStockingJob(ProcessInstance instance) {
    Job job = stockingJob(instance);
    assertThat(job).as("stocking job").isNotNull();
    managementService.executeJob(job.getId());
  }

  protected JsonNode json(ProcessInstance instance, String variable) {
    return JsonVariable.read(runtimeService.getVariable(instance.getId(), variable), variable, variable);
  }

  protected Object variable(ProcessInstance instance, String variable) {
    return runtimeService.getVariable(instance.getId(), variable);
  }

  protected BigDecimal balance(String name, String spec) {
    return ledger.items().stream().filter(item -> item.name().equals(name) && spec.equals(item.spec()))
        .map(Item::quantity).findFirst().orElse(BigDecimal.ZERO);
  }

  protected Item item(String name, String spec) {
    return ledger.items().stream().filter(item -> item.name().equals(name) && spec.equals(item.spec()))
        .findFirst().orElseThrow();
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }
}
