package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.CATEGORY;
import static edu.campus.logistics.repair.RepairVariables.CAUSE;
import static edu.campus.logistics.repair.RepairVariables.DESCRIPTION;
import static edu.campus.logistics.repair.RepairVariables.DISPATCH_MODE;
import static edu.campus.logistics.repair.RepairVariables.FIXED;
import static edu.campus.logistics.repair.RepairVariables.LOCATION;
import static edu.campus.logistics.repair.RepairVariables.PARTS_USED;
import static edu.campus.logistics.repair.RepairVariables.REPAIR_COST;
import static edu.campus.logistics.repair.RepairVariables.SATISFACTION;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;
import static edu.campus.logistics.repair.RepairVariables.WORK_DONE;

import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks repair cases the way people do in Tasklist: every step as the acting user (authenticated,
 * so authorizations and the listeners' checks apply), jobs executed by the test as the job
 * executor would.
 */
class RepairDriver extends CaseDriver {

  RepairDriver(ProcessEngine engine) {
    super(engine);
  }

  static Map<String, Object> report(String location, String category, String description, String urgency) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LOCATION, location);
    variables.put(CATEGORY, category);
    variables.put(DESCRIPTION, description);
    variables.put(URGENCY, urgency);
    return variables;
  }

  static Map<String, Object> faucetLeak() {
    return report("教学楼三楼卫生间", "plumbing", "三楼卫生间水龙头漏水", "normal");
  }

  static Map<String, Object> part(String itemCode, Number quantity) {
    return Map.of("itemCode", itemCode, "quantity", quantity);
  }

  /** Starts a report as the reporter (camunda:initiator makes them reporterId). */
  ProcessInstance reportAs(String reporter, Map<String, Object> variables) {
    return as(reporter, () -> runtime.createProcessInstanceByKey(ProcessKeys.REPAIR)
        .businessKey("BX-" + UUID.randomUUID().toString().substring(0, 8)).setVariables(variables).execute());
  }

  /** The open task of the damage-compensation instance called by this repair. */
  Task compensationTask(ProcessInstance repair, String activityId) {
    ProcessInstance compensation = runtime.createProcessInstanceQuery().superProcessInstanceId(repair.getId()).singleResult();
    return task(compensation, activityId);
  }

  void claimReport(ProcessInstance instance, String user) {
    claim(user, task(instance, "Task_DispatchRepair"));
  }

  void dispatchToTechnician(ProcessInstance instance, String user, String technician) {
    String taskId = task(instance, "Task_DispatchRepair").getId();
    as(user, () -> tasks.complete(taskId, Map.of(DISPATCH_MODE, "technician", TECHNICIAN, technician)));
  }

  void recordWork(ProcessInstance instance, String user, String cause, List<Map<String, Object>> parts, double cost) {
    String taskId = task(instance, "Task_RepairWork").getId();
    as(user, () -> tasks.complete(taskId, Map.of(WORK_DONE, "更换" + cause, CAUSE, cause, PARTS_USED, parts, REPAIR_COST, cost)));
  }

  void confirm(ProcessInstance instance, String user, boolean fixed, int satisfaction) {
    String taskId = task(instance, "Task_ConfirmRepair").getId();
    as(user, () -> tasks.complete(taskId, Map.of(FIXED, fixed, SATISFACTION, satisfaction)));
  }
}
