package edu.campus.logistics.benchmark;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The one procurement case both sides of the benchmark run, step by step, with the same variables: a teacher
 * requests two boxes of chalk from the catalogue (13 CNY: the general-affairs director alone approves, no quotes required), the
 * director approves, the buyer orders, the inspector accepts, the storekeeper confirms the storage location,
 * the engine stocks the goods (asynchronously), the teacher reads the stock notice. Each step by its own user.
 * The variables are in Camunda REST's form ({@code {value, type}}); {@link #javaValues} gives the Java API's.
 * Only literals and compile-time constants here: the bare side's class path has none of the application's classes.
 */
final class BenchmarkCase {

  static final String PROCESS_KEY = "procurement";
  static final String REQUESTER = "zhangwei";

  /** One step: the task, who does it, whether it must be claimed first, what the completion sends. */
  record Step(String taskKey, String user, boolean claim, Map<String, Object> variables) {
  }

  static final List<Step> STEPS = List.of(
      new Step("Task_ApproveRequest", "wangfang", true,
          variables("decision", "approve", "String", "comment", "同意", "String")),
      new Step("Task_PurchaseGoods", "zhaolei", true,
          variables("supplier", "晨光文具公司", "String", "orderNo", "PO-BENCH", "String",
              "purchaseItems", "[{\"unitPrice\":6.5}]", "Json",
              "quotes", "[{\"supplier\":\"晨光文具公司\",\"amount\":13},{\"supplier\":\"得力办公\",\"amount\":14},"
                  + "{\"supplier\":\"齐心商贸\",\"amount\":15}]", "Json")),
      new Step("Task_InspectGoods", "sunli", true, variables("inspectionResult", "accepted", "String")),
      new Step("Task_ConfirmStorage", "wuxiaohong", true, variables("storageLocation", "总务仓库 A-1", "String")),
      new Step("Task_ReadStockNotice", REQUESTER, false, Map.of()));

  /**
   * What the bare side's driver sends when it carries the application's data ({@code -Dbenchmark.bare-data}): the
   * case's own variables plus, at each step, the variables the application's case has once that step is done
   * (counted from a finished case's history, docs/performance.md) with their types and sizes — the requester, the
   * total, the approval chain and its multi-instance counters, the approvals, reminders and escalations lists,
   * the approval task's four display values, the buyer, inspector and storekeeper, the rounds, the accepted
   * quantities, the new-item mappings, the stock voucher, the stocked lines and the asset tags: 44 variables
   * against the application's 42. Written once each; the application writes nine of them a second or third
   * time within a step (a listener normalising what the form sent), so this is a little less than the
   * application stores. No authorization, no rules: what the data alone costs the bare engine.
   */
  static Map<String, Object> startVariablesWithApplicationData() {
    Map<String, Object> start = new LinkedHashMap<>(startVariables());
    start.putAll(variables("requesterId", REQUESTER, "String", "category", "office", "String",
        "totalAmount", "13.0", "Double", "approvals", "[]", "Json", "reminders", "[]", "Json", "escalations", "[]", "Json",
        "approvalLevels", "[\"general-affairs\"]", "Json", "approvalRound", "1", "Integer", "quotesRequired", "false",
        "Boolean", "approvalLevel", "general-affairs", "String", "loopCounter", "0", "Integer", "nrOfInstances", "1",
        "Integer", "nrOfActiveInstances", "1", "Integer", "nrOfCompletedInstances", "0", "Integer"));
    return start;
  }

  /**
   * {@link #startVariablesWithApplicationData} without what the application's model makes itself when it runs:
   * the approval chain and the three-quotes rule (its decision tables) and the multi-instance counters.
   */
  static Map<String, Object> startVariablesForApplicationShape() {
    Map<String, Object> start = new LinkedHashMap<>(startVariablesWithApplicationData());
    for (String made : List.of("approvalLevels", "quotesRequired", "approvalLevel", "loopCounter", "nrOfInstances",
        "nrOfActiveInstances", "nrOfCompletedInstances")) {
      start.remove(made);
    }
    return start;
  }

  /** {@link #STEPS} with the application's data of each step added (see {@link #startVariablesWithApplicationData}). */
  static final List<Step> STEPS_WITH_APPLICATION_DATA = List.of(
      with(STEPS.get(0), variables("approvedAmount", "13.0", "Double", "approvals", "[{\"round\":1,\"level\":"
          + "\"general-affairs\",\"decision\":\"approve\",\"comment\":\"同意\",\"userId\":\"wangfang\",\"amount\":13.0,"
          + "\"createdAt\":\"2026-12-02T08:00:00.000+0800\",\"decidedAt\":\"2026-12-02T08:05:00.000+0800\"}]", "Json",
          "nrOfCompletedInstances", "1", "Integer", "approvalLevelName", "总务主任", "String", "requesterName", "张伟", "String",
          "itemsShown", "[{\"itemCode\":\"OFF-CHALK\",\"name\":\"无尘粉笔\",\"spec\":\"白色 100支/盒\",\"category\":"
              + "\"办公用品\",\"unit\":\"盒\",\"quantity\":2,\"unitPrice\":6.5}]", "Json",
          "approvalsShown", "[]", "Json")),
      with(STEPS.get(1), variables("buyerId", "zhaolei", "String", "purchaseRound", "1", "Integer",
          "purchaseTotal", "13.0", "Double", "overBudget", "false", "Boolean")),
      with(STEPS.get(2), variables("inspectorId", "sunli", "String", "acceptedQuantities", "[{\"name\":\"无尘粉笔\","
          + "\"spec\":\"白色 100支/盒\",\"unit\":\"盒\",\"ordered\":2,\"accepted\":2}]", "Json")),
      with(STEPS.get(3), variables("storekeeperId", "wuxiaohong", "String", "newItemMappings", "[]", "Json",
          "stockVoucher", "procurement:BENCH:Task_StockGoods:round1", "String", "stockedLines", "[{\"itemCode\":"
              + "\"OFF-CHALK\",\"name\":\"无尘粉笔\",\"spec\":\"白色 100支/盒\",\"unit\":\"盒\",\"quantity\":2,"
              + "\"unitPrice\":6.5,\"balanceAfter\":102}]", "Json", "assetTags", "[]", "Json")),
      STEPS.get(4));

  /** The key the application's model is deployed under on the bare side ({@code -Dbenchmark.bare-data}). */
  static final String SHAPE_KEY = "procurement-shape";

  /**
   * {@link #STEPS_WITH_APPLICATION_DATA} for the application's model, whose approval chain keeps its own
   * multi-instance counters.
   */
  static final List<Step> STEPS_FOR_APPLICATION_SHAPE = STEPS_WITH_APPLICATION_DATA.stream().map(step -> {
    Map<String, Object> variables = new LinkedHashMap<>(step.variables());
    variables.remove("nrOfCompletedInstances");
    return new Step(step.taskKey(), step.user(), step.claim(), variables);
  }).toList();

  private BenchmarkCase() {
  }

  private static Step with(Step step, Map<String, Object> more) {
    Map<String, Object> variables = new LinkedHashMap<>(step.variables());
    variables.putAll(more);
    return new Step(step.taskKey(), step.user(), step.claim(), variables);
  }

  static Map<String, Object> startVariables() {
    return variables("department", "教务处", "String", "reason", "粉笔补充", "String",
        "neededBy", LocalDate.now().plusDays(14).toString(), "String",
        "items", "[{\"itemCode\":\"OFF-CHALK\",\"quantity\":2,\"unitPrice\":6.5}]", "Json");
  }

  /** name, value, type, name, value, type, … → {name: {value, type}} */
  private static Map<String, Object> variables(String... nameValueType) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameValueType.length; i += 3) {
      variables.put(nameValueType[i], Map.of("value", nameValueType[i + 1], "type", nameValueType[i + 2]));
    }
    return variables;
  }

  /** The Java API's values of REST-form variables: strings, and JSON text as Spin JSON. */
  static Map<String, Object> javaValues(Map<String, Object> restForm) {
    Map<String, Object> values = new LinkedHashMap<>();
    restForm.forEach((name, typed) -> {
      Map<?, ?> value = (Map<?, ?>) typed;
      String text = (String) value.get("value");
      values.put(name, "Json".equals(value.get("type")) ? SpinValues.jsonValue(text).create() : Variables.stringValue(text));
    });
    return values;
  }
}
