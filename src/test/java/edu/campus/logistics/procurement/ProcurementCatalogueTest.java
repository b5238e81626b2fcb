package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.REVISE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.NewItem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Procurement lines from the catalogue (issue 13): a catalogue line stocks to its item code; a new
 * item is confirmed as a new catalogue item or mapped to an existing one by the storekeeper; bad
 * lines and bad mappings are refused with the Chinese message and change nothing.
 */
class ProcurementCatalogueTest extends ProcurementTestSupport {

  @Autowired
  ReceiptsWithinOrders receiptsWithinOrders;

  private static final String REQUESTER = "zhangwei";
  private static final String STOREKEEPER = "wuxiaohong";

  /** A catalogue item of its own, so that its balance starts at zero. */
  private Item catalogueItem(String name, String unit) {
    String code = "CAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return ledger.registerItem(new NewItem(code, name, "目录测试 " + code, unit, ItemCategory.OFFICE.id(), BigDecimal.ZERO));
  }

  private static Map<String, Object> codeLine(String code, String quantity, String unitPrice) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("itemCode", code);
    line.put("newItem", false);
    line.put("quantity", new BigDecimal(quantity));
    line.put("unitPrice", new BigDecimal(unitPrice));
    return line;
  }

  private static Map<String, Object> newLine(String name, String spec, String unit, String quantity, String unitPrice) {
    Map<String, Object> line = line(name, spec, "office", unit, quantity, unitPrice);
    line.put("newItem", true);
    return line;
  }

  /** Approved (small order: 总务主任), bought at the estimated prices, inspected as given: up to storage. */
  private ProcessInstance atStorage(List<Map<String, Object>> lines, String... accepted) {
    ProcessInstance request = start(REQUESTER, lines);
    approve(request, "wangfang");
    String[] prices = lines.stream().map(line -> line.get("unitPrice").toString()).toArray(String[]::new);
    purchase(request, "zhaolei", prices);
    if (accepted.length == 0) {
      inspect(request, "sunli", "accepted", null);
    } else {
      inspect(request, "sunli", "partial", "部分破损", accepted);
    }
    return request;
  }

  private void store(ProcessInstance request, List<Map<String, Object>> mappings) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("storageLocation", "总务仓库");
    variables.put("newItemMappings", SpinValues.jsonValue(toJson(mappings)).create());
    complete(request, CONFIRM_STORAGE, STOREKEEPER, variables);
  }

  private long procurements() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PROCUREMENT).count();
  }

  @Test
  void aCatalogueLineTakesTheCatalogueWordsAndStocksExactlyTheAcceptedQuantityToItsCode() {
    Item chalk = catalogueItem("目录粉笔", "盒");
    int catalogueBefore = ledger.items().size();

    ProcessInstance request = atStorage(List.of(codeLine(chalk.code().toLowerCase(), "10", "4.5")), "7");
    JsonNode stored = json(request, "items").get(0);
    assertThat(stored.get("itemCode").asText()).isEqualTo(chalk.code());
    assertThat(stored.get("newItem").asBoolean()).isFalse();
    assertThat(stored.get("name").asText()).isEqualTo("目录粉笔");
    assertThat(stored.get("spec").asText()).isEqualTo(chalk.spec());
    assertThat(stored.get("unit").asText()).isEqualTo("盒");
    assertThat(stored.get("category").asText()).isEqualTo("office");
    assertThat(variable(request, "totalAmount")).isEqualTo(45.0);
    assertThat(json(request, "newItemMappings")).as("nothing to map").isEmpty();

    store(request, "总务仓库");
    runStockingJob(request);

    assertThat(ledger.findItem(chalk.code()).orElseThrow().quantity()).isEqualByComparingTo("7");
    assertThat(ledger.items()).as("no item created").hasSize(catalogueBefore);
    assertThat(json(request, "stockedLines").get(0).get("itemCode").asText()).isEqualTo(chalk.code());
    assertThat(request).isWaitingAt(READ_STOCK_NOTICE);
  }

  @Test
  void listenersThatFindAValueAlreadyNormalLeaveNoSecondRecordOfIt() {
    Item chalk = catalogueItem("目录粉笔", "盒");
    ProcessInstance request = atStorage(List.of(codeLine(chalk.code(), "3", "4.5")), "3");
    store(request, "总务仓库");
    runStockingJob(request);

    // the requester, the needed-by date, the approval chain and the (empty) new-item mappings are what the form,
    // the decision table and the storage step wrote: the listeners that check them again change nothing
    assertThat(recordedValues(request, "requesterId")).containsExactly("zhangwei");
    assertThat(recordedValues(request, "neededBy")).hasSize(1);
    assertThat(recordedValues(request, "approvalLevels")).hasSize(1);
    assertThat(recordedValues(request, "newItemMappings")).as("offered empty, confirmed empty, stocked empty")
        .hasSize(1);
    // a value a listener does change is still recorded twice: the lines as typed, then with the catalogue's words
    assertThat(recordedValues(request, "items")).hasSize(2);
    assertThat(request).isWaitingAt(READ_STOCK_NOTICE);
  }

  /** Every value the history recorded for the case's variable, oldest first (one per write). */
  private List<Object> recordedValues(ProcessInstance request, String variable) {
    return processEngine.getHistoryService().createHistoricDetailQuery().processInstanceId(request.getId())
        .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> variable.equals(update.getVariableName()))
        .map(HistoricVariableUpdate::getValue).toList();
  }

  @Test
  void aNewItemConfirmedByTheStorekeeperBecomesOneNewCatalogueItem() {
    String spec = "新品 " + UUID.randomUUID();
    int catalogueBefore = ledger.items().size();
    ProcessInstance request = atStorage(List.of(newLine("磁性白板擦", spec, "个", "6", "8")));
    JsonNode offered = json(request, "newItemMappings");
    assertThat(offered).hasSize(1);
    assertThat(offered.get(0).get("name").asText()).isEqualTo("磁性白板擦");
    assertThat(offered.get(0).get("choice").asText()).as("nothing of that name and spec yet").isEqualTo("new");

    store(request, List.of(Map.of("choice", "new")));
    runStockingJob(request);

    assertThat(ledger.items()).as("one new item").hasSize(catalogueBefore + 1);
    Item created = item("磁性白板擦", spec);
    assertThat(created.quantity()).isEqualByComparingTo("6");
    assertThat(created.unit()).isEqualTo("个");
    assertThat(json(request, "newItemMappings").get(0).get("itemCode").asText()).isEqualTo(created.code());
    assertThat(json(request, "stockedLines").get(0).get("itemCode").asText()).isEqualTo(created.code());
  }

  @Test
  void aNewItemMappedToAnExistingItemPostsThereAndTheCatalogueStaysAsItWas() {
    Item paper = catalogueItem("复印纸", "箱");
    int catalogueBefore = ledger.items().size();
    String typo = "复印紙 A4 " + UUID.randomUUID();
    ProcessInstance request = atStorage(List.of(newLine("复印紙", typo, "箱", "4", "120")));

    store(request, List.of(Map.of("choice", "existing", "itemCode", paper.code())));
    runStockingJob(request);

    assertThat(ledger.findItem(paper.code()).orElseThrow().quantity()).isEqualByComparingTo("4");
    assertThat(ledger.items()).as("catalogue count unchanged").hasSize(catalogueBefore);
    assertThat(ledger.items()).noneMatch(item -> typo.equals(item.spec()));
    assertThat(json(request, "newItemMappings").get(0).get("itemCode").asText()).isEqualTo(paper.code());
    assertThat(receiptsWithinOrders.findings()).as("the receipt is within what was ordered, under the mapped code")
        .noneMatch(finding -> finding.reference().startsWith(request.getId() + "/"));
  }

  @Test
  void aNewItemLikeACatalogueItemIsOfferedMappedAndMayNotBeConfirmedAsNew() {
    Item paper = catalogueItem("复印纸", "箱");
    int catalogueBefore = ledger.items().size();
    ProcessInstance request = atStorage(List.of(newLine("复印纸", paper.spec(), "箱", "2", "120")));
    JsonNode offered = json(request, "newItemMappings").get(0);
    assertThat(offered.get("choice").asText()).isEqualTo("existing");
    assertThat(offered.get("itemCode").asText()).isEqualTo(paper.code());

    assertThatThrownBy(() -> store(request, List.of(Map.of("choice", "new"))))
        .hasMessageContaining("新物品入库方式第1行：物品目录中已有“复印纸 %s”（编码%s），请选择“对应目录中已有物品”"
            .formatted(paper.spec(), paper.code()));
    assertThat(task(request, CONFIRM_STORAGE)).as("still to store").isNotNull();

    store(request, "总务仓库");
    runStockingJob(request);
    assertThat(ledger.findItem(paper.code()).orElseThrow().quantity()).isEqualByComparingTo("2");
    assertThat(ledger.items()).hasSize(catalogueBefore);
  }

  @Test
  void aMappingToAnUnknownCodeOrToAnItemOfAnotherUnitIsRefusedAndChangesNothing() {
    Item boxes = catalogueItem("目录订书钉", "盒");
    int catalogueBefore = ledger.items().size();
    String spec = "映射 " + UUID.randomUUID();
    ProcessInstance request = atStorage(List.of(newLine("订书针", spec, "包", "3", "2")));

    assertThatThrownBy(() -> store(request, List.of(Map.of("choice", "existing", "itemCode", "NO-SUCH-ITEM"))))
        .hasMessageContaining("新物品入库方式第1行：物品目录中没有编码为“NO-SUCH-ITEM”的物品");
    assertThatThrownBy(() -> store(request, List.of(Map.of("choice", "existing", "itemCode", boxes.code()))))
        .hasMessageContaining("新物品入库方式第1行：单位不符：订书针按“包”计，目录中%s".formatted(boxes.code()));
    assertThatThrownBy(() -> store(request, List.of(Map.of("choice", "new"), Map.of("choice", "new"))))
        .hasMessageContaining("新物品入库方式必须与新物品逐行对应（1行）");

    assertThat(task(request, CONFIRM_STORAGE)).as("still to store").isNotNull();
    assertThat(variable(request, "storekeeperId")).isNull();
    assertThat(json(request, "newItemMappings").get(0).get("choice").asText()).isEqualTo("new");
    assertThat(stockingJob(request)).isNull();
    assertThat(ledger.findItem(boxes.code()).orElseThrow().quantity()).isEqualByComparingTo("0");
    assertThat(ledger.items()).hasSize(catalogueBefore);
  }

  @Test
  void badCatalogueLinesAreRefusedWithTheChineseMessageAndNothingStarts() {
    Item chalk = catalogueItem("目录粉笔", "盒");
    long before = procurements();
    Map<String, Object> contradicting = codeLine(chalk.code(), "1", "5");
    contradicting.put("name", "粉笔");
    Map<String, Object> flaggedBoth = newLine("粉笔", "白色", "盒", "1", "5");
    flaggedBoth.put("itemCode", chalk.code());
    Map<String, Object> noCode = codeLine(null, "1", "5");
    String spec = "重复 " + UUID.randomUUID();

    assertThatThrownBy(() -> start(REQUESTER, List.of(codeLine("NO-SUCH-ITEM", "1", "5"))))
        .hasMessageContaining("采购明细第1行：物品目录中没有编码为“NO-SUCH-ITEM”的物品");
    assertThatThrownBy(() -> start(REQUESTER, List.of(codeLine(chalk.code(), "1", "5"), codeLine(chalk.code(), "2", "5"))))
        .hasMessageContaining("采购明细第2行：目录粉笔与第1行重复，请合并为一行");
    assertThatThrownBy(() -> start(REQUESTER, List.of(newLine("白板笔", spec, "支", "1", "3"),
        newLine("白板笔", spec, "支", "2", "3")))).hasMessageContaining("采购明细第2行：白板笔与第1行重复，请合并为一行");
    assertThatThrownBy(() -> start(REQUESTER, List.of(contradicting)))
        .hasMessageContaining("采购明细第1行：名称“粉笔”与物品目录中%s的名称“目录粉笔”不一致".formatted(chalk.code()));
    assertThatThrownBy(() -> start(REQUESTER, List.of(flaggedBoth)))
        .hasMessageContaining("采购明细第1行：填写了物品编码又勾选了“新物品”，只能选一种");
    assertThatThrownBy(() -> start(REQUESTER, List.of(noCode)))
        .hasMessageContaining("采购明细第1行：物品编码必填");

    assertThat(procurements()).as("nothing started").isEqualTo(before);
    assertThat(ledger.findItem(chalk.code()).orElseThrow().quantity()).isEqualByComparingTo("0");
  }

  @Test
  void aRevisedRequestIsCheckedAgainstTheCatalogueAndKeepsTheCatalogueWords() {
    Item chalk = catalogueItem("目录粉笔", "盒");
    ProcessInstance request = start(REQUESTER, List.of(codeLine(chalk.code(), "10", "5")));
    decide(request, "wangfang", "revise", "请减到6盒");
    assertThat(taskService.getVariableLocal(task(request, REVISE_REQUEST).getId(), "itemsShown").toString())
        .as("the revise form shows the catalogue's words").contains(chalk.code(), "目录粉笔");

    // Tasklist sends the stored line back with the quantity changed: the catalogue's own words agree
    JsonNode stored = json(request, "items").get(0);
    Map<String, Object> line = toMap(stored);
    line.put("quantity", new BigDecimal("6"));
    Map<String, Object> unknown = toMap(stored);
    unknown.put("itemCode", "NO-SUCH-ITEM");
    unknown.put("name", null);
    unknown.put("spec", null);
    unknown.put("unit", null);
    unknown.put("category", null);
    Map<String, Object> refused = request(List.of(unknown));
    refused.put("requesterAction", "resubmit");
    assertThatThrownBy(() -> complete(request, REVISE_REQUEST, REQUESTER, refused))
        .hasMessageContaining("采购明细第1行：物品目录中没有编码为“NO-SUCH-ITEM”的物品");
    assertThat(json(request, "items").get(0).get("quantity").decimalValue()).as("nothing changed").isEqualByComparingTo("10");

    Map<String, Object> revised = request(List.of(line));
    revised.put("requesterAction", "resubmit");
    complete(request, REVISE_REQUEST, REQUESTER, revised);
    assertThat(request).isWaitingAt(APPROVE_REQUEST);
    assertThat(json(request, "items").get(0).get("itemCode").asText()).isEqualTo(chalk.code());
    assertThat(variable(request, "totalAmount")).isEqualTo(30.0);
    runtimeService.deleteProcessInstance(request.getId(), "test over");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode node) {
    return new LinkedHashMap<>(edu.campus.logistics.cases.JsonVariable.MAPPER.convertValue(node, Map.class));
  }
}
