package edu.campus.logistics.browser;

import static edu.campus.logistics.CaseDriver.as;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.campus.logistics.browser.ProcurementSteps.Line;
import edu.campus.logistics.browser.ProcurementSteps.PurchaseRequest;
import edu.campus.logistics.browser.ProcurementSteps.Quote;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.procurement.ProcurementActivities;
import edu.campus.logistics.procurement.ProcurementVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Issue 3's "done": as demo users in Tasklist, a request for 5 boxes of A4 paper and 2 projectors goes
 * from the start form through the approvals the table asks for, purchase with three quotes, inspection
 * and storage into stock; the ledger API shows the paper and the asset register two projector cards.
 */
@BrowserTest
class ProcurementBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAPER_CODE = "OFF-A4";
  private static final Line PAPER = new Line(PAPER_CODE, "复印纸", "A4 70g 500张/包 5包/箱", "办公用品", "箱", "5", "120");
  private static final Line PROJECTOR = new Line(null, "投影仪", "3LCD 4000流明", "教学设备", "台", "2", "3200");
  private static final String STOREROOM = "总务处仓库";

  @Autowired
  private HistoryService historyService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private Environment environment;

  @Test
  void paperAndProjectorsGoFromTheStartFormToStockAndAssetCards(Browser browser) {
    CampusApi api = new CampusApi(environment);
    BigDecimal paperBefore = api.get("/api/ledger/items/" + PAPER_CODE, "wuxiaohong").get("quantity").decimalValue();
    PurchaseRequest request = new PurchaseRequest("语文教研组", "期中考试复印纸和教室投影仪 " + unique(),
        LocalDate.now().plusDays(14), List.of(PAPER, PROJECTOR));

    // 1. the teacher's request, refused first for an empty form, a negative quantity and an emptied name
    TasklistPage requester = ProcurementSteps.requestPurchase(browser, "zhangwei", request);
    HistoricProcessInstance instance = instanceWithReason(request.reason());
    String id = instance.getId();
    assertThat(instance.getStartUserId()).isEqualTo("zhangwei");
    assertThat(lines(json(id, ProcurementVariables.ITEMS))).containsExactly(
        "复印纸|" + PAPER.spec() + "|office|箱|5|120", "投影仪|" + PROJECTOR.spec() + "|equipment|台|2|3200");
    assertThat(variable(id, ProcurementVariables.TOTAL_AMOUNT)).isEqualTo(7000.0);
    assertThat(variable(id, ProcurementVariables.APPROVAL_LEVELS)).as("DMN: > 2000 needs the principal too")
        .isEqualTo(List.of("general-affairs", "principal"));
    assertThat(variable(id, ProcurementVariables.QUOTES_REQUIRED)).as("DMN: >= 5000 needs three quotes").isEqualTo(true);

    requester.openFilter(TasklistFilters.MY_GROUP_TASKS);
    assertThat(requester.taskNames(request.reason())).as("the requester never sees the approval").isEmpty();
    requester.openFilter(TasklistFilters.MY_TASKS);
    assertThat(requester.taskNames(request.reason())).isEmpty();
    browser.step("requester-sees-no-approval");
    requester.logout();

    // 2. approvals: general affairs, then the principal
    TaskPane approval = ProcurementSteps.openApproval(browser, "wangfang", CampusGroup.GENERAL_AFFAIRS, request);
    assertThat(approval.assignee()).isEmpty();
    CamundaForm form = approval.form();
    assertThat(form.text()).contains(ProcurementSteps.TOTAL + "7000 元");
    assertThat(form.value(ProcurementSteps.REASON)).isEqualTo(request.reason());
    assertThat(form.tableRows(ProcurementSteps.ITEMS_TABLE)).containsExactly(
        List.of(PAPER_CODE, "复印纸", PAPER.spec(), "办公用品", "箱", "5", "120"),
        List.of("新物品", "投影仪", PROJECTOR.spec(), "教学设备", "台", "2", "3200"));
    assertThat(form.text()).contains("审批层级：总务主任（本次采购须三家报价）", "申请人：张伟（" + request.department() + "）");
    browser.reveal(form.field(ProcurementSteps.ITEMS_TABLE));
    DocsImages.publish(browser.step("procurement-approval-opened"), "tasklist-approval.png");
    ProcurementSteps.approve(browser, approval);
    Webapp.logout(browser);

    TaskPane principal = ProcurementSteps.openApproval(browser, "lijianguo", CampusGroup.PRINCIPAL, request);
    assertThat(principal.form().text()).contains("审批层级：校长");
    ProcurementSteps.approve(browser, principal);
    Webapp.logout(browser);
    assertThat(approvers(id)).containsExactly("wangfang", "lijianguo");

    // 3. purchase with three quotes, inspection, storage
    TaskPane purchase = ProcurementSteps.openTaskWithId(browser, "zhaolei", TasklistFilters.MY_GROUP_TASKS,
        ProcurementSteps.TASK_PURCHASE, taskId(id, ProcurementActivities.PURCHASE_GOODS));
    String orderNo = "CG-" + unique();
    ProcurementSteps.purchase(browser, purchase, request, "金陵文教设备公司", orderNo, List.of(
        new Quote("金陵文教设备公司", "7000", "含税含运费"),
        new Quote("苏宁政企采购", "7380", "含税"),
        new Quote("京东企业购", "7450", "含税，运费另计")));
    Webapp.logout(browser);
    assertThat(variable(id, ProcurementVariables.BUYER_ID)).isEqualTo("zhaolei");
    assertThat(json(id, ProcurementVariables.QUOTES)).hasSize(3);

    TaskPane inspection = ProcurementSteps.openTaskWithId(browser, "sunli", TasklistFilters.MY_GROUP_TASKS,
        ProcurementSteps.TASK_INSPECT, taskId(id, ProcurementActivities.INSPECT_GOODS));
    ProcurementSteps.acceptAll(browser, inspection);
    Webapp.logout(browser);

    TaskPane storage = ProcurementSteps.openTaskWithId(browser, "wuxiaohong", TasklistFilters.MY_GROUP_TASKS,
        ProcurementSteps.TASK_STORE, taskId(id, ProcurementActivities.CONFIRM_STORAGE));
    // the projector was asked for as a new item: the catalogue has it under the same name and spec, offered mapped
    CamundaForm mapping = storage.form().item(ProcurementSteps.NEW_ITEM_MAPPINGS, 1);
    assertThat(mapping.value(ProcurementSteps.MAPPING_NAME)).isEqualTo("投影仪");
    assertThat(mapping.value(ProcurementSteps.MAPPING_CODE)).isEqualTo("EQP-PROJ");
    ProcurementSteps.confirmStorage(browser, storage, STOREROOM);
    Webapp.logout(browser);
    assertThat(json(id, ProcurementVariables.NEW_ITEM_MAPPINGS).get(0).get("itemCode").asText()).isEqualTo("EQP-PROJ");

    // the requester is told (after the asynchronous posting) what was stocked
    TaskPane notice = ProcurementSteps.openTaskWithId(browser, "zhangwei", TasklistFilters.MY_TASKS,
        ProcurementSteps.TASK_STOCK_NOTICE, taskId(id, ProcurementActivities.READ_STOCK_NOTICE));
    BigDecimal paperAfter = paperBefore.add(new BigDecimal("5"));
    List<List<String>> stocked = notice.form().tableRows(ProcurementSteps.STOCKED_TABLE);
    assertThat(stocked).hasSize(2);
    assertThat(stocked.get(0)).startsWith(PAPER_CODE, "复印纸", PAPER.spec(), "箱", "5");
    assertThat(new BigDecimal(stocked.get(0).get(6))).isEqualByComparingTo(paperAfter);
    assertThat(stocked.get(1)).contains("投影仪", "2");
    List<String> tags = new ArrayList<>();
    json(id, ProcurementVariables.ASSET_TAGS).forEach(tag -> tags.add(tag.asText()));
    assertThat(tags).hasSize(2);
    assertThat(notice.form().text()).contains("固定资产卡片编号：" + String.join("、", tags));
    DocsImages.publish(browser.step("procurement-stock-notice"), "tasklist-stock-notice.png");
    notice.complete();
    browser.step("procurement-stock-notice-read");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getEndActivityId()).isEqualTo(ProcurementActivities.END_STOCKED);

    // the ledger and the asset register, as a client program reads them
    JsonNode paper = api.get("/api/ledger/items/" + PAPER_CODE, "wuxiaohong");
    assertThat(paper.get("quantity").decimalValue()).isEqualByComparingTo(paperAfter);
    String voucher = (String) variable(id, ProcurementVariables.STOCK_VOUCHER);
    List<JsonNode> cards = StreamSupport.stream(api.get("/api/assets", "wuxiaohong").spliterator(), false)
        .filter(card -> voucher.equals(card.path("sourceVoucher").asText())).toList();
    assertThat(cards).hasSize(2).allSatisfy(card -> {
      assertThat(card.get("itemCode").asText()).isEqualTo("EQP-PROJ");
      assertThat(card.get("name").asText()).isEqualTo("投影仪");
      assertThat(card.get("custodian").asText()).isEqualTo("zhangwei");
      assertThat(card.get("location").asText()).isEqualTo(STOREROOM);
      assertThat(card.get("cost").decimalValue()).isEqualByComparingTo("3200");
    });
    assertThat(cards.stream().map(card -> card.get("tag").asText())).containsExactlyInAnyOrderElementsOf(tags);
  }

  /**
   * Four-eyes seen in the browser: zhouqiang is buyer and inspector; having bought this order he tries
   * to claim its inspection and Tasklist shows the engine's refusal; the task stays unclaimed.
   */
  @Test
  void buyerIsRefusedTheInspectionOfTheirOwnOrder(Browser browser) {
    String reason = "办公室补充复印纸 " + unique();
    String id = boughtBy("zhouqiang", "liuyang", reason);

    TaskPane inspection = ProcurementSteps.openTaskWithId(browser, "zhouqiang", TasklistFilters.MY_GROUP_TASKS,
        ProcurementSteps.TASK_INSPECT, taskId(id, ProcurementActivities.INSPECT_GOODS));
    List<String> errors = inspection.claimRefused();
    browser.step("buyer-inspection-refused");
    assertThat(errors).singleElement().asString()
        .contains("四眼原则：采购员不能验收自己经办的订单（zhouqiang）")
        .contains("the buyer zhouqiang may not inspect their own order");
    assertThat(inspection.assignee()).isEmpty();
    Task task = taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(ProcurementActivities.INSPECT_GOODS).singleResult();
    assertThat(task.getAssignee()).isNull();
  }

  /**
   * Arranged through the engine's API as the people would do it in Tasklist: a small request (one
   * approval, no quotes) by the requester, approved by wangfang, bought by the buyer.
   */
  private String boughtBy(String buyer, String requester, String reason) {
    Map<String, Object> start = new HashMap<>();
    start.put(ProcurementVariables.DEPARTMENT, "校长办公室");
    start.put(ProcurementVariables.REASON, reason);
    start.put(ProcurementVariables.NEEDED_BY, LocalDate.now().plusDays(7).toString());
    start.put(ProcurementVariables.ITEMS, SpinValues.jsonValue(JSON.valueToTree(List.of(Map.of("newItem", true, "name", "复印纸",
        "spec", PAPER.spec(), "category", "office", "unit", "箱", "quantity", 2, "unitPrice", 120))).toString()).create());
    String id = as(identityService, requester, () -> runtimeService.startProcessInstanceByKey(ProcessKeys.PROCUREMENT, start).getId());
    complete(id, ProcurementActivities.APPROVE_REQUEST, "wangfang",
        Map.of(ProcurementVariables.DECISION, "approve", ProcurementVariables.COMMENT, "同意"));
    Map<String, Object> purchase = new HashMap<>();
    purchase.put(ProcurementVariables.SUPPLIER, "晨光文具公司");
    purchase.put(ProcurementVariables.ORDER_NO, "CG-" + unique());
    purchase.put(ProcurementVariables.PURCHASE_ITEMS, SpinValues.jsonValue(json(id, ProcurementVariables.PURCHASE_ITEMS)
        .toString()).create());
    complete(id, ProcurementActivities.PURCHASE_GOODS, buyer, purchase);
    return id;
  }

  private void complete(String processInstanceId, String taskKey, String userId, Map<String, Object> variables) {
    as(identityService, userId, () -> {
      Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
          .singleResult();
      taskService.claim(task.getId(), userId);
      taskService.complete(task.getId(), variables);
      return null;
    });
  }


  private String taskId(String processInstanceId, String taskKey) {
    return new CaseTasks(taskService, processInstanceId).id(taskKey);
  }

  private HistoricProcessInstance instanceWithReason(String reason) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .variableName(ProcurementVariables.REASON).variableValueEquals(ProcurementVariables.REASON, reason).singleResult();
    assertThat(variable).as("a procurement started with reason " + reason).isNotNull();
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(variable.getProcessInstanceId()).singleResult();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(ProcessKeys.PROCUREMENT);
    return instance;
  }

  /** The approvers in the order they decided, from the process's record of decisions. */
  private List<String> approvers(String processInstanceId) {
    List<String> users = new ArrayList<>();
    json(processInstanceId, ProcurementVariables.APPROVALS).forEach(decision -> users.add(decision.get("userId").asText()));
    return users;
  }

  /** Item lines as "name|spec|category|unit|quantity|unitPrice", numbers without trailing zeros. */
  private static List<String> lines(JsonNode items) {
    List<String> lines = new ArrayList<>();
    items.forEach(line -> lines.add(String.join("|", line.get("name").asText(), line.get("spec").asText(),
        line.get("category").asText(), line.get("unit").asText(), plain(line.get("quantity")), plain(line.get("unitPrice")))));
    return lines;
  }

  private static String plain(JsonNode number) {
    return number.decimalValue().stripTrailingZeros().toPlainString();
  }

  private Object variable(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    assertThat(variable).as("variable " + name).isNotNull();
    return variable.getValue();
  }

  private JsonNode json(String processInstanceId, String name) {
    try {
      return JSON.readTree(variable(processInstanceId, name).toString());
    } catch (Exception e) {
      throw new IllegalStateException("variable " + name + " is not JSON", e);
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
