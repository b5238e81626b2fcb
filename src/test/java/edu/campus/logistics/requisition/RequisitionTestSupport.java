package edu.campus.logistics.requisition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.StockCaseTest;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.StockReservations;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives requisitions the way the demo users do in Tasklist, through the engine's Java API. */
abstract class RequisitionTestSupport extends StockCaseTest {

  static final String REQUESTER = "zhangwei";
  static final String STOREKEEPER = "wuxiaohong";
  static final String GENERAL_AFFAIRS = "wangfang";
  static final String SUPERVISOR = "gaoming";

  @Autowired
  protected HistoryService historyService;
  @Autowired
  protected StockReservations reservations;

  /** A catalogue item of its own with {@code onHand} units received at {@code unitCost}; its code. */
  protected String stockedItem(String name, String unit, String unitCost, String onHand) {
    return stockedItem(name, unit, unitCost, onHand, "0");
  }

  protected String stockedItem(String name, String unit, String unitCost, String onHand, String reorderLevel) {
    String code = "RQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(code, name, "测试规格", unit, ItemCategory.OFFICE.id(), new BigDecimal(reorderLevel)));
    if (new BigDecimal(onHand).signum() > 0) {
      receive(code, onHand, unitCost);
    }
    return code;
  }

  protected void receive(String code, String quantity, String unitCost) {
    ledger.receive(Voucher.manual("RQ-TEST-" + UUID.randomUUID(), STOREKEEPER),
        List.of(StockLine.of(code, new BigDecimal(quantity), new BigDecimal(unitCost))));
  }

  static Map<String, Object> line(String itemCode, Object quantity, String purpose) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("itemCode", itemCode);
    line.put("quantity", quantity);
    line.put("purpose", purpose);
    return line;
  }

  static Map<String, Object> request(List<Map<String, Object>> lines, String useLocation) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("lines", SpinValues.jsonValue(toJson(lines)).create());
    if (useLocation != null) {
      variables.put("useLocation", useLocation);
    }
    return variables;
  }

  static String toJson(Object value) {
    try {
      return JsonVariable.MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected ProcessInstance start(String requester, Map<String, Object> variables) {
    return cases.as(requester, () -> runtimeService.startProcessInstanceByKey(ProcessKeys.REQUISITION, variables));
  }

  protected ProcessInstance start(String requester, String itemCode, Object quantity) {
    return start(requester, request(List.of(line(itemCode, quantity, "教学使用")), null));
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

  protected void approve(ProcessInstance instance, String approver) {
    complete(instance, RequisitionActivities.APPROVE_REQUISITION, approver, Map.of("decision", "approve", "comment", "同意"));
  }

  protected void issue(ProcessInstance instance, String storekeeper, String shortageAction, String assetTags) {
    Map<String, Object> variables = new HashMap<>();
    if (shortageAction != null) {
      variables.put("shortageAction", shortageAction);
    }
    if (assetTags != null) {
      variables.put("assetTags", assetTags);
    }
    complete(instance, RequisitionActivities.ISSUE_GOODS, storekeeper, variables);
  }

  /** Runs the async save point before posting the issue. */
  protected void runIssueJob(ProcessInstance instance) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(RequisitionActivities.POST_ISSUE).singleResult();
    assertThat(job).as("issue job").isNotNull();
    managementService.executeJob(job.getId());
  }

  /** Fires the backorder's look for stock. */
  protected void runStockCheck(ProcessInstance instance) {
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(RequisitionActivities.WAIT_FOR_STOCK).singleResult();
    assertThat(timer).as("waiting for stock").isNotNull();
    managementService.executeJob(timer.getId());
  }

  protected void confirmReceipt(ProcessInstance instance) {
    complete(instance, RequisitionActivities.CONFIRM_RECEIPT, REQUESTER, Map.of("receiptNote", "已领到"));
  }

  protected JsonNode lines(ProcessInstance instance) {
    return JsonVariable.read(runtimeService.getVariable(instance.getId(), "lines"), "lines", "lines");
  }

  protected Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  protected BigDecimal onHand(String code) {
    return ledger.findItem(code).map(Item::quantity).orElseThrow();
  }

  protected BigDecimal available(String code) {
    return reservations.catalogue().stream().filter(entry -> entry.item().code().equals(code))
        .map(StockReservations.Availability::available).findFirst().orElseThrow();
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  protected String endActivity(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndActivityId();
  }

  static List<BigDecimal> decimals(JsonNode lines, String field) {
    List<BigDecimal> values = new ArrayList<>();
    lines.forEach(line -> values.add(line.path(field).decimalValue().stripTrailingZeros()));
    return values;
  }
}
