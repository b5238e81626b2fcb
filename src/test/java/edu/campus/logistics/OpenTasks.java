package edu.campus.logistics;

import static edu.campus.logistics.ValidStarts.typed;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.procurement.ProcurementActivities;
import edu.campus.logistics.procurement.ProcurementVariables;
import edu.campus.logistics.repair.RepairVariables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Brings a procurement or repair case to one of its user tasks, each step done through the engine
 * as the user who would do it in Tasklist (authenticated, so authorizations and the listeners'
 * checks apply). The actors are the single-group test users ({@link SingleGroupUsers}); the repair
 * cases' first responder is the demo user {@link #FIRST_RESPONDER}, so that no single-group user
 * owns the case's tasks. {@link #completion(String)} is what a REST client sends to complete each
 * task validly; tests about bad input change one variable of it.
 */
public final class OpenTasks extends CaseDriver {

  public static final String REQUESTER = SingleGroupUsers.of("staff");
  public static final String BUYER = SingleGroupUsers.of("purchasing");
  public static final String INSPECTOR = SingleGroupUsers.of("inspectors");
  public static final String STOREKEEPER = SingleGroupUsers.of("warehouse");
  public static final String REPORTER = SingleGroupUsers.of("staff");
  public static final String FIRST_RESPONDER = "fengxue";
  public static final String TECHNICIAN = SingleGroupUsers.of("technicians");

  /** One line, 2 × 6.50 CNY: the general-affairs director alone approves, no quotes are required. */
  public static final String SMALL_ORDER = "[{\"newItem\":true,\"name\":\"无尘粉笔\",\"spec\":\"白色 100支/盒\",\"category\":\"office\","
      + "\"unit\":\"盒\",\"quantity\":2,\"unitPrice\":6.5}]";
  /** One line, 2 × 3000 CNY: general affairs, then the principal; three quotes are required. */
  public static final String LARGE_ORDER = "[{\"newItem\":true,\"name\":\"实验台\",\"spec\":\"1.2米 钢木\",\"category\":\"furniture\","
      + "\"unit\":\"张\",\"quantity\":2,\"unitPrice\":3000}]";

  public static final List<String> PROCUREMENT_TASKS = List.of(ProcurementActivities.APPROVE_REQUEST,
      ProcurementActivities.PURCHASE_GOODS, ProcurementActivities.INSPECT_GOODS, ProcurementActivities.CONFIRM_STORAGE,
      ProcurementActivities.READ_STOCK_NOTICE);
  public static final List<String> REPAIR_TASKS =
      List.of("Task_DispatchRepair", "Task_RepairWork", "Task_ConfirmRepair", "Task_CloseCase");
  /** Tasks a case reaches on a side path: returned for revision, rejected, parts short, deadline missed. */
  public static final List<String> SIDE_PATH_TASKS =
      List.of("Task_ReviseRequest", "Task_ReadRejection", "Task_WaitForParts", "Task_SuperviseRepair");
  /** The damage compensation's tasks; reached from a repair of an asset damaged by people ({@link #compensationAt}). */
  public static final List<String> COMPENSATION_TASKS =
      List.of("Task_AssessDamage", "Task_ApproveCompensation", "Task_SettleCompensation");

  public OpenTasks(ProcessEngine engine) {
    super(engine);
    SingleGroupUsers.ensure(identity);
  }

  /** A new case of the process the task belongs to, waiting at that task (unclaimed unless the model assigns it). */
  public Task openAt(String taskKey) {
    return switch (taskKey) {
      case "Task_ReviseRequest" -> decided("revise");
      case "Task_ReadRejection" -> decided("reject");
      case "Task_WaitForParts" -> {
        Task work = repairAt("Task_RepairWork", REPORTER);
        Map<String, Object> moreThanInStock = restValues(completion("Task_RepairWork"));
        moreThanInStock.put(RepairVariables.PARTS_USED, SpinValues.jsonValue("[{\"itemCode\":\"PLB-VALVE\",\"quantity\":999}]").create());
        claimAndComplete(TECHNICIAN, work, moreThanInStock);
        executeJobs(instanceOf(work));
        yield task(work.getProcessInstanceId(), taskKey);
      }
      case "Task_SuperviseRepair" -> {
        Task dispatch = repairAt("Task_DispatchRepair", REPORTER);
        fire(instanceOf(dispatch), "Timer_ResponseOverdue");
        yield task(dispatch.getProcessInstanceId(), taskKey);
      }
      default -> PROCUREMENT_TASKS.contains(taskKey) ? procurementAt(taskKey, REQUESTER, SMALL_ORDER)
          : repairAt(taskKey, REPORTER);
    };
  }

  /** A purchase request the general-affairs director sent back ({@code revise}) or rejected. */
  private Task decided(String decision) {
    ProcessInstance request = fileRequest(REQUESTER, SMALL_ORDER);
    claimAndComplete(SingleGroupUsers.of("general-affairs"), task(request, ProcurementActivities.APPROVE_REQUEST), Map.of(
        ProcurementVariables.DECISION, decision, ProcurementVariables.COMMENT, "请补充用途说明"));
    return task(request, "revise".equals(decision) ? "Task_ReviseRequest" : "Task_ReadRejection");
  }

  /**
   * A damage compensation waiting at {@code taskKey}: the asset {@code assetTag} (a card of the register) was
   * damaged by people, repaired and confirmed; the first responder assessed, the head of logistics approved.
   */
  public Task compensationAt(String taskKey, String assetTag) {
    Map<String, Object> report = new HashMap<>();
    report.put(RepairVariables.LOCATION, "初二(3)班教室");
    report.put(RepairVariables.CATEGORY, "carpentry");
    report.put(RepairVariables.DESCRIPTION, "课桌桌腿断裂");
    report.put(RepairVariables.URGENCY, "normal");
    report.put("assetTag", assetTag);
    ProcessInstance repair = as(REPORTER, () -> runtime.startProcessInstanceByKey(ProcessKeys.REPAIR,
        "SEC-PC-" + UUID.randomUUID(), report));
    claimAndComplete(FIRST_RESPONDER, task(repair, "Task_DispatchRepair"), restValues(completion("Task_DispatchRepair")));
    Map<String, Object> damage = restValues(completion("Task_RepairWork"));
    damage.put(RepairVariables.CAUSE, "damage");
    claimAndComplete(TECHNICIAN, task(repair, "Task_RepairWork"), damage);
    executeJobs(repair);
    claimAndComplete(REPORTER, task(repair, "Task_ConfirmRepair"), restValues(completion("Task_ConfirmRepair")));
    executeJobs(repair);
    ProcessInstance compensation = runtime.createProcessInstanceQuery().superProcessInstanceId(repair.getId()).singleResult();
    for (String step : COMPENSATION_TASKS) {
      Task task = task(compensation, step);
      if (step.equals(taskKey)) {
        return task;
      }
      claimAndComplete(step.equals("Task_AssessDamage") ? FIRST_RESPONDER : SingleGroupUsers.of(candidateGroup(task)), task,
          restValues(completion(step)));
    }
    throw new IllegalArgumentException("not a damage compensation task: " + taskKey);
  }

  private ProcessInstance instanceOf(Task task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
  }

  /** A new purchase request of {@code requester} for the given lines (JSON), approved, bought, ... up to {@code taskKey}. */
  public Task procurementAt(String taskKey, String requester, String items) {
    ProcessInstance request = fileRequest(requester, items);
    for (String step : PROCUREMENT_TASKS) {
      if (taskKey.equals(step)) {
        return task(request, step);
      }
      if (step.equals(ProcurementActivities.APPROVE_REQUEST)) {
        while (waitsAt(request, step)) {
          Task approval = task(request, step);
          claimAndComplete(SingleGroupUsers.of(candidateGroup(approval)), approval, restValues(completion(step)));
        }
      } else {
        claimAndComplete(actor(step), task(request, step), restValues(completion(step)));
        executeJobs(request);
      }
    }
    throw new IllegalArgumentException("not a procurement user task: " + taskKey);
  }

  /** Files a purchase request as {@code requester}, items as a JSON list. */
  public ProcessInstance fileRequest(String requester, String items) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcurementVariables.DEPARTMENT, "教务处");
    variables.put(ProcurementVariables.REASON, "权限与输入校验测试");
    variables.put(ProcurementVariables.NEEDED_BY, LocalDate.now().plusDays(14).toString());
    variables.put(ProcurementVariables.ITEMS, SpinValues.jsonValue(items).create());
    return as(requester, () -> runtime.startProcessInstanceByKey(ProcessKeys.PROCUREMENT,
        "SEC-" + UUID.randomUUID(), variables));
  }

  /** A new repair report of {@code reporter}, dispatched to {@link #TECHNICIAN} by {@link #FIRST_RESPONDER}, ... up to {@code taskKey}. */
  public Task repairAt(String taskKey, String reporter) {
    Map<String, Object> report = new HashMap<>();
    report.put(RepairVariables.LOCATION, "实验楼 / 305");
    report.put(RepairVariables.CATEGORY, "electrical");
    report.put(RepairVariables.DESCRIPTION, "实验室插座没电");
    report.put(RepairVariables.URGENCY, "normal");
    ProcessInstance repair = as(reporter, () -> runtime.createProcessInstanceByKey(ProcessKeys.REPAIR)
        .businessKey("SEC-BX-" + UUID.randomUUID()).setVariables(report).execute());
    for (String step : REPAIR_TASKS) {
      if (taskKey.equals(step)) {
        return task(repair, step);
      }
      claimAndComplete(actor(step), task(repair, step), restValues(completion(step)));
      executeJobs(repair);
    }
    throw new IllegalArgumentException("not a repair user task: " + taskKey);
  }

  /** Who does a step in these cases when the model does not assign it. */
  public static String actor(String taskKey) {
    return switch (taskKey) {
      case ProcurementActivities.PURCHASE_GOODS -> BUYER;
      case ProcurementActivities.INSPECT_GOODS -> INSPECTOR;
      case ProcurementActivities.CONFIRM_STORAGE -> STOREKEEPER;
      case ProcurementActivities.READ_STOCK_NOTICE -> REQUESTER;
      case "Task_DispatchRepair", "Task_CloseCase" -> FIRST_RESPONDER;
      case "Task_RepairWork" -> TECHNICIAN;
      case "Task_ConfirmRepair" -> REPORTER;
      default -> throw new IllegalArgumentException("no actor for " + taskKey);
    };
  }

  /**
   * A valid completion of the task in Camunda REST form (name → {value, type}), for the cases this
   * class opens: one line per request, bought from one of three quoting suppliers.
   */
  public static Map<String, Object> completion(String taskKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (taskKey) {
      case ProcurementActivities.APPROVE_REQUEST -> {
        variables.put(ProcurementVariables.DECISION, typed("approve", "String"));
        variables.put(ProcurementVariables.COMMENT, typed("同意", "String"));
      }
      case ProcurementActivities.PURCHASE_GOODS -> {
        variables.put(ProcurementVariables.SUPPLIER, typed("晨光文具公司", "String"));
        variables.put(ProcurementVariables.ORDER_NO, typed("PO-SEC-0001", "String"));
        variables.put(ProcurementVariables.PURCHASE_ITEMS, typed("[{\"unitPrice\":6.5}]", "Json"));
        variables.put(ProcurementVariables.QUOTES, typed("[{\"supplier\":\"晨光文具公司\",\"amount\":13},"
            + "{\"supplier\":\"得力办公\",\"amount\":14},{\"supplier\":\"齐心商贸\",\"amount\":15}]", "Json"));
      }
      case ProcurementActivities.INSPECT_GOODS -> variables.put(ProcurementVariables.INSPECTION_RESULT,
          typed("accepted", "String"));
      case ProcurementActivities.CONFIRM_STORAGE -> variables.put(ProcurementVariables.STORAGE_LOCATION,
          typed("总务仓库 A-1", "String"));
      case ProcurementActivities.READ_STOCK_NOTICE -> {
      }
      case "Task_DispatchRepair" -> {
        variables.put(RepairVariables.DISPATCH_MODE, typed("technician", "String"));
        variables.put(RepairVariables.TECHNICIAN, typed(TECHNICIAN, "String"));
      }
      case "Task_RepairWork" -> {
        variables.put(RepairVariables.WORK_DONE, typed("更换插座", "String"));
        variables.put(RepairVariables.CAUSE, typed("wear", "String"));
        variables.put(RepairVariables.PARTS_USED, typed("[]", "Json"));
        variables.put(RepairVariables.REPAIR_COST, typed(0, "Double"));
      }
      case "Task_ConfirmRepair" -> {
        variables.put(RepairVariables.FIXED, typed(true, "Boolean"));
        variables.put(RepairVariables.SATISFACTION, typed(5, "Integer"));
      }
      case "Task_CloseCase" -> variables.put(RepairVariables.CLOSING_NOTE, typed("已修复", "String"));
      case "Task_ReviseRequest" -> variables.put("requesterAction", typed("withdraw", "String"));
      case "Task_ReadRejection" -> {
      }
      case "Task_WaitForParts" -> variables.put("partsNote", typed("角阀已到货", "String"));
      case "Task_SuperviseRepair" -> variables.put("supervisionNote", typed("请尽快受理", "String"));
      case "Task_AssessDamage" -> {
        variables.put("responsibleType", typed("class", "String"));
        variables.put("responsibleParty", typed("初二(3)班", "String"));
        variables.put("assessedAmount", typed(80, "Integer"));
        variables.put("assessmentBasis", typed("repairCost", "String"));
      }
      case "Task_ApproveCompensation" -> variables.put("compensationApproval", typed("approve", "String"));
      case "Task_SettleCompensation" -> {
        variables.put("compensationSettlement", typed("paid", "String"));
        variables.put("paidAmount", typed(80, "Integer"));
        variables.put("receiptNo", typed("SJ-SEC-0001", "String"));
      }
      default -> throw new IllegalArgumentException("no valid completion known for " + taskKey);
    }
    return variables;
  }

  /** The Java values of a REST-form variable map (JSON text as Spin JSON). */
  public static Map<String, Object> restValues(Map<String, Object> restForm) {
    Map<String, Object> values = new HashMap<>();
    restForm.forEach((name, typedValue) -> {
      Map<?, ?> typed = (Map<?, ?>) typedValue;
      Object value = typed.get("value");
      values.put(name, "Json".equals(typed.get("type")) ? SpinValues.jsonValue((String) value).create() : value);
    });
    return values;
  }

  public static String candidateGroupOf(TaskService tasks, Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  public String candidateGroup(Task task) {
    return candidateGroupOf(tasks, task);
  }
}
