package edu.campus.logistics.cluster;

import static edu.campus.logistics.ValidStarts.typed;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.procurement.ProcurementActivities;
import edu.campus.logistics.procurement.ProcurementVariables;
import edu.campus.logistics.repair.RepairVariables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Procurement and repair cases driven through the REST API as the demo users do their steps, each
 * request to whichever node {@code nodes} picks (a load balancer without sticky sessions: REST calls
 * carry HTTP Basic). The lamp tubes ({@value #TUBE}) are what both processes move: a request buys
 * {@value #TUBES_BOUGHT} of them, a repair uses one.
 */
final class CasesOverRest {

  static final String TUBE = "ELE-T8TUBE";
  static final int TUBES_BOUGHT = 3;
  static final String TUBE_ORDER = "[{\"newItem\":true,\"name\":\"LED灯管\",\"spec\":\"T8 1.2m 18W\",\"category\":\"electrical\","
      + "\"unit\":\"支\",\"quantity\":" + TUBES_BOUGHT + ",\"unitPrice\":25}]";
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

  private final IntFunction<TestHttp> nodes;

  /** {@code nodes}: the node for the n-th request of a case. */
  CasesOverRest(IntFunction<TestHttp> nodes) {
    this.nodes = nodes;
  }

  /** A purchase request for lamp tubes, approved, bought, inspected and stored: its stocking job is due. */
  String procurementUpToStocking(String businessKey) {
    String instance = procurementUpToStorage(businessKey);
    store(instance);
    return instance;
  }

  /** The storekeeper confirms the storage location: the stocking job is created. */
  void store(String instance) {
    claimAndComplete(4, instance, ProcurementActivities.CONFIRM_STORAGE, "wuxiaohong",
        OpenTasks.completion(ProcurementActivities.CONFIRM_STORAGE));
  }

  /** A purchase request for lamp tubes, approved, bought and inspected: waiting for the storekeeper. */
  String procurementUpToStorage(String businessKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcurementVariables.DEPARTMENT, typed("总务处", "String"));
    variables.put(ProcurementVariables.REASON, typed("教室照明更换", "String"));
    variables.put(ProcurementVariables.NEEDED_BY, typed(LocalDate.now().plusDays(14).toString(), "String"));
    variables.put(ProcurementVariables.ITEMS, typed(TUBE_ORDER, "Json"));
    String instance = start(0, ProcessKeys.PROCUREMENT, businessKey, variables, "zhangwei");
    claimAndComplete(1, instance, ProcurementActivities.APPROVE_REQUEST, "wangfang",
        OpenTasks.completion(ProcurementActivities.APPROVE_REQUEST));
    Map<String, Object> purchase = OpenTasks.completion(ProcurementActivities.PURCHASE_GOODS);
    purchase.put(ProcurementVariables.ORDER_NO, typed("PO-" + businessKey, "String"));
    purchase.put(ProcurementVariables.PURCHASE_ITEMS, typed("[{\"unitPrice\":25}]", "Json"));
    claimAndComplete(2, instance, ProcurementActivities.PURCHASE_GOODS, "zhaolei", purchase);
    claimAndComplete(3, instance, ProcurementActivities.INSPECT_GOODS, "sunli",
        OpenTasks.completion(ProcurementActivities.INSPECT_GOODS));
    return instance;
  }

  /** After stocking (done by some node's job executor): the requester reads the notice, the case ends. */
  void procurementAfterStocking(String instance) {
    complete(5, instance, ProcurementActivities.READ_STOCK_NOTICE, "zhangwei", Map.of());
  }

  /** A broken lamp reported, taken by the first responder, dispatched, repaired with one tube: parts posting is due. */
  String repairUpToPartsPosting(String businessKey) {
    Map<String, Object> report = ValidStarts.variables(ProcessKeys.REPAIR);
    String instance = start(0, ProcessKeys.REPAIR, businessKey, report, "liuyang");
    Map<String, Object> dispatch = new LinkedHashMap<>();
    dispatch.put(RepairVariables.DISPATCH_MODE, typed("technician", "String"));
    dispatch.put(RepairVariables.TECHNICIAN, typed("hejun", "String"));
    claimAndComplete(1, instance, "Task_DispatchRepair", "zhengkai", dispatch);
    Map<String, Object> work = OpenTasks.completion("Task_RepairWork");
    work.put(RepairVariables.WORK_DONE, typed("更换灯管", "String"));
    work.put(RepairVariables.PARTS_USED, typed("[{\"itemCode\":\"" + TUBE + "\",\"quantity\":1}]", "Json"));
    complete(2, instance, "Task_RepairWork", "hejun", work);
    return instance;
  }

  /** After the parts are posted: the reporter confirms, the first responder closes, the case ends. */
  void repairAfterPartsPosting(String instance) {
    complete(3, instance, "Task_ConfirmRepair", "liuyang", OpenTasks.completion("Task_ConfirmRepair"));
    complete(4, instance, "Task_CloseCase", "zhengkai", OpenTasks.completion("Task_CloseCase"));
  }

  private String start(int step, String processKey, String businessKey, Map<String, Object> variables, String user) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables);
    Answer started = expectOk(nodes.apply(step).postJson("/engine-rest/process-definition/key/" + processKey + "/start",
        user, TestHttp.json(body)), "start " + businessKey);
    return started.json().path("id").asText();
  }

  private void claimAndComplete(int step, String instance, String taskKey, String user, Map<String, Object> variables) {
    TestHttp node = nodes.apply(step);
    String task = awaitTask(node, instance, taskKey, user);
    expectOk(node.postJson("/engine-rest/task/" + task + "/claim", user, TestHttp.json(Map.of("userId", user))),
        "claim " + taskKey + " of " + instance);
    expectOk(node.postJson("/engine-rest/task/" + task + "/complete", user, TestHttp.json(Map.of("variables", variables))),
        "complete " + taskKey + " of " + instance);
  }

  private void complete(int step, String instance, String taskKey, String user, Map<String, Object> variables) {
    TestHttp node = nodes.apply(step);
    String task = awaitTask(node, instance, taskKey, user);
    expectOk(node.postJson("/engine-rest/task/" + task + "/complete", user, TestHttp.json(Map.of("variables", variables))),
        "complete " + taskKey + " of " + instance);
  }

  /** The case's open task with this key, waiting for it while an asynchronous step runs on some node. */
  private static String awaitTask(TestHttp node, String instance, String taskKey, String user) {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    String query = "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
        + URLEncoder.encode(taskKey, StandardCharsets.UTF_8) + "&maxResults=5";
    while (true) {
      JsonNode tasks = expectOk(node.get(query, user), "find " + taskKey).json();
      if (tasks.size() == 1) {
        return tasks.get(0).path("id").asText();
      }
      if (tasks.size() > 1) {
        throw new AssertionError(instance + " has " + tasks.size() + " open " + taskKey + " tasks");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(instance + " did not reach " + taskKey + " within " + STEP_TIMEOUT);
      }
      sleep(200);
    }
  }

  static Answer expectOk(Answer answer, String what) {
    if (answer.status() / 100 != 2) {
      throw new AssertionError(what + ": HTTP " + answer.status() + " " + answer.body());
    }
    return answer;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
