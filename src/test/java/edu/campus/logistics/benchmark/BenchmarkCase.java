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

  private BenchmarkCase() {
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
