package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeDriver.APPROVER;
import static edu.campus.logistics.stocktake.StocktakeDriver.COUNTER;
import static edu.campus.logistics.stocktake.StocktakeDriver.DUAL;
import static edu.campus.logistics.stocktake.StocktakeDriver.PRINCIPAL;
import static edu.campus.logistics.stocktake.StocktakeDriver.STARTER;
import static edu.campus.logistics.stocktake.StocktakeDriver.scope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetStatus;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The stocktake (清查) paths a user can take, on the real engine and database, through REST as the
 * people who act: a blind count with a surplus, a shortage, a missing and a moved asset posted only after
 * approval; the counter refused as approver; stock that moves between count and approval; a large
 * difference for the principal, rejected; the report and who may read it.
 */
class StocktakeProcessTest extends StocktakeScenario {

  @Test
  void blindCountWithSurplusShortageMissingAndMovedAssetIsPostedOnlyAfterApproval() {
    String paper = stocktakes.item("复印纸", "包", "other", "50", "10.00");
    String hose = stocktakes.item("水管", "米", "other", "20", "5.00");
    String room = stocktakes.location("101");
    List<Asset> cards = stocktakes.cards("other", 3, "1200.00", room, LocalDate.now());
    String present = cards.get(0).tag();
    String missing = cards.get(1).tag();
    String moved = cards.get(2).tag();
    String instance = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    assertThat(stocktakes.businessKey(instance)).matches("PD-\\d{4}-\\d{4,}");

    // blind: nothing the counter can read on the counting task holds a book quantity
    Task stockSheet = stocktakes.sheetWith(instance, paper);
    Answer visible = stocktakes.http.get("/engine-rest/task/" + stockSheet.getId() + "/form-variables", COUNTER);
    assertThat(visible.status()).isEqualTo(200);
    assertThat(visible.body()).doesNotContain("bookQuantity").doesNotContain("differences").doesNotContain("quantity\":50");
    for (JsonNode row : json(engine.getTaskService().getVariable(stockSheet.getId(), "countedItems"))) {
      assertThat(row.has("quantity")).as("the count rows come without a quantity").isFalse();
    }
    for (JsonNode sheet : json(engine.getRuntimeService().getVariable(instance, "countSheets"))) {
      for (JsonNode item : sheet.path("items")) {
        assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("itemCode", "name", "spec", "unit");
      }
    }
    assertThat(stocktakes.sheetWith(instance, present).getId()).as("one sheet per location")
        .isEqualTo(stocktakes.sheetWith(instance, moved).getId()).isNotEqualTo(stockSheet.getId());

    engine.getIdentityService().setAuthentication(COUNTER, List.of("staff", "warehouse"));
    try {
      var filter = engine.getFilterService().createFilterQuery().filterName("清查盘点").singleResult();
      List<Task> listed = engine.getFilterService().listPage(filter.getId(), 0, 500);
      assertThat(listed).as("the storekeeper's filter 清查盘点").extracting(Task::getId).contains(stockSheet.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    stocktakes.countAll(instance, COUNTER, Map.of(paper, "52", hose, "18.5"),
        Map.of(missing, new String[] {"missing"}, moved, new String[] {"elsewhere", stocktakes.location("102")}));
    assertThat(stocktakes.tasks(instance, "Task_ApproveDifferences")).as("differences are computed behind a save point")
        .isEmpty();
    stocktakes.runJobs(instance);

    Task approval = stocktakes.task(instance, "Task_ApproveDifferences");
    assertThat(OpenTasks.candidateGroupOf(engine.getTaskService(), approval)).isEqualTo("general-affairs");
    assertThat(stocktakes.balance(paper)).as("nothing posted before approval").isEqualByComparingTo("50");
    assertThat(stocktakes.adjustments(paper) + stocktakes.adjustments(hose)).isZero();
    assertThat(assets.find(missing).orElseThrow().status()).isEqualTo(AssetStatus.IN_USE);
    JsonNode differences = json(engine.getRuntimeService().getVariable(instance, "differences"));
    assertThat(line(differences, paper).path("difference").decimalValue()).isEqualByComparingTo("2");
    assertThat(line(differences, paper).path("differenceValue").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(line(differences, hose).path("difference").decimalValue()).isEqualByComparingTo("-1.5");
    assertThat((Double) engine.getRuntimeService().getVariable(instance, "differenceValue")).isEqualTo(20.0 + 7.5 + 1200.0);

    assertThat(stocktakes.decide(approval, APPROVER, "approve", null).status()).isEqualTo(204);
    assertThat(stocktakes.balance(paper)).as("posted behind the save point, by the job").isEqualByComparingTo("50");
    stocktakes.runJobs(instance);

    assertThat(stocktakes.ended(instance)).isTrue();
    assertThat(stocktakes.balance(paper)).as("the ledger equals the counted goods").isEqualByComparingTo("52");
    assertThat(stocktakes.balance(hose)).isEqualByComparingTo("18.5");
    assertThat(stocktakes.adjustments(paper)).isEqualTo(1);
    assertThat(ledger.entries(hose).get(ledger.entries(hose).size() - 1).actor()).isEqualTo(APPROVER);
    assertThat(assets.find(missing).orElseThrow().status()).isEqualTo(AssetStatus.MISSING);
    assertThat(assets.find(moved).orElseThrow().location()).isEqualTo(stocktakes.location("102"));
    assertThat(assets.find(present).orElseThrow().location()).isEqualTo(room);
    assertThat(assets.history(present)).extracting(event -> event.type().name()).contains("AUDITED");
    Answer reconciliation = stocktakes.http.get("/api/ledger/reconciliation", SingleGroupUsers.ADMIN);
    assertThat(reconciliation.json().path("mismatches").size()).as(reconciliation.body()).isZero();

    String businessKey = stocktakes.businessKey(instance);
    Answer report = stocktakes.http.get("/api/stocktakes/" + businessKey, "linna");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().path("stocktake").path("status").asText()).isEqualTo("POSTED");
    assertThat(report.json().path("stocktake").path("approvedBy").asText()).isEqualTo(APPROVER);
    assertThat(report.json().path("counters").toString()).contains(COUNTER);
    JsonNode paperLine = line(report.json().path("items"), paper);
    assertThat(paperLine.path("bookQuantity").decimalValue()).isEqualByComparingTo("50");
    assertThat(paperLine.path("countedQuantity").decimalValue()).isEqualByComparingTo("52");
    assertThat(paperLine.path("difference").decimalValue()).isEqualByComparingTo("2");
    assertThat(paperLine.path("differenceValue").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(asset(report.json().path("assets"), missing).path("finding").asText()).isEqualTo("missing");
    assertThat(asset(report.json().path("assets"), moved).path("foundLocation").asText()).isEqualTo(stocktakes.location("102"));

    Answer staff = stocktakes.http.get("/api/stocktakes/" + businessKey, SingleGroupUsers.of("staff"));
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.message()).startsWith("无权查看清查结果");
    assertThat(stocktakes.http.get("/api/stocktakes/" + businessKey, COUNTER).status()).as("counters do not read the books")
        .isEqualTo(403);
    assertThat(stocktakes.http.get("/api/stocktakes/PD-1999-0001", "linna").status()).isEqualTo(404);
  }

  /** 帐物相符: a card the last stocktake recorded missing and the next one finds is in use again, where it was found. */
  @Test
  void aMissingCardFoundInTheNextStocktakeIsInUseAgain() {
    String tag = stocktakes.cards("other", 1, "1200.00", stocktakes.location("201"), LocalDate.now()).get(0).tag();
    String first = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    stocktakes.countAll(first, COUNTER, Map.of(), Map.of(tag, new String[] {"missing"}));
    approveAndPost(first);
    assertThat(assets.find(tag).orElseThrow().status()).isEqualTo(AssetStatus.MISSING);

    String second = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    stocktakes.countAll(second, COUNTER, Map.of(), Map.of(tag, new String[] {"elsewhere", stocktakes.location("202")}));
    approveAndPost(second);

    Asset card = assets.find(tag).orElseThrow();
    assertThat(card.status()).as("found again").isEqualTo(AssetStatus.IN_USE);
    assertThat(card.location()).isEqualTo(stocktakes.location("202"));
    assertThat(assets.history(tag)).extracting(event -> event.type().name())
        .containsSubsequence("MISSING", "FOUND", "MOVED");
  }

  private void approveAndPost(String instance) {
    stocktakes.runJobs(instance);
    assertThat(stocktakes.decide(stocktakes.task(instance, "Task_ApproveDifferences"), APPROVER, "approve", null)
        .status()).isEqualTo(204);
    stocktakes.runJobs(instance);
    assertThat(stocktakes.ended(instance)).as("posted").isTrue();
  }

  /** A count over the whole store can differ on more items than one voucher holds (200 lines). */
  @Test
  void moreDifferencesThanOneVoucherHoldsAreAllPosted() {
    List<String> items = new ArrayList<>();
    Map<String, String> counted = new HashMap<>();
    for (int i = 0; i < LedgerService.MAX_LINES + 5; i++) {
      String item = stocktakes.item("作业本" + i, "本", "other", "10", "1.00");
      items.add(item);
      counted.put(item, "11");
    }
    String instance = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    stocktakes.countAll(instance, COUNTER, counted, Map.of());
    approveAndPost(instance);

    for (String item : items) {
      assertThat(stocktakes.balance(item)).as(item).isEqualByComparingTo("11");
      assertThat(stocktakes.adjustments(item)).as(item).isEqualTo(1);
    }
    assertThat(items.stream().map(item -> ledger.entries(item).get(ledger.entries(item).size() - 1).voucherKey())
        .distinct().count()).as("two vouchers").isEqualTo(2);
  }

  @Test
  void theCounterMayNotApproveTheirOwnCount() {
    String chalk = stocktakes.item("粉笔", "盒", "other", "30", "4.00");
    String instance = stocktakes.started(stocktakes.start(APPROVER, scope("category", "other", false)));
    stocktakes.countAll(instance, DUAL, Map.of(chalk, "29"), Map.of());
    stocktakes.runJobs(instance);
    Task approval = stocktakes.task(instance, "Task_ApproveDifferences");
    String refusal = "四眼原则：盘点人不能审批自己参与的盘点（st-dual） / four-eyes principle: the counter st-dual may not "
        + "approve the stocktake they counted";

    Answer claim = stocktakes.http.postJson("/engine-rest/task/" + approval.getId() + "/claim", DUAL,
        TestHttp.json(Map.of("userId", DUAL)));
    assertThat(claim.status()).isEqualTo(400);
    assertThat(claim.message()).isEqualTo(refusal);
    Answer complete = stocktakes.decide(approval, DUAL, "approve", null);
    assertThat(complete.status()).isEqualTo(400);
    assertThat(complete.message()).isEqualTo(refusal);
    Answer handedOver = stocktakes.http.postJson("/engine-rest/task/" + approval.getId() + "/assignee",
        SingleGroupUsers.ADMIN, TestHttp.json(Map.of("userId", DUAL)));
    assertThat(handedOver.status()).isEqualTo(400);

    Task unchanged = stocktakes.task(instance, "Task_ApproveDifferences");
    assertThat(unchanged.getId()).isEqualTo(approval.getId());
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariable(instance, "approverId")).isNull();
    stocktakes.runJobs(instance);
    assertThat(stocktakes.balance(chalk)).isEqualByComparingTo("30");
    assertThat(stocktakes.adjustments(chalk)).isZero();

    assertThat(stocktakes.decide(approval, APPROVER, "approve", null).status()).isEqualTo(204);
    stocktakes.runJobs(instance);
    assertThat(stocktakes.balance(chalk)).as("approved by someone who did not count").isEqualByComparingTo("29");
  }

  @Test
  void stockMovedBetweenCountAndApprovalIsRecomputedAndTheApproverIsTold() {
    String soap = stocktakes.item("洗手液", "瓶", "other", "50", "8.00");
    String instance = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    stocktakes.countAll(instance, COUNTER, Map.of(soap, "48"), Map.of());
    // after the count and before the differences are shown: 5 issued
    ledger.issue(Voucher.manual("ST-ISSUE-1-" + soap, COUNTER), List.of(StockLine.of(soap, new BigDecimal("5"))));
    stocktakes.runJobs(instance);

    Task first = stocktakes.task(instance, "Task_ApproveDifferences");
    JsonNode shown = line(json(engine.getRuntimeService().getVariable(instance, "differences")), soap);
    assertThat(shown.path("bookQuantity").decimalValue()).isEqualByComparingTo("45");
    assertThat(shown.path("movedSinceCount").decimalValue()).isEqualByComparingTo("-5");
    assertThat(shown.path("difference").decimalValue()).as("48 counted, 5 left since: 43 on the shelf, 45 on the books")
        .isEqualByComparingTo("-2");
    assertThat((String) engine.getRuntimeService().getVariable(instance, "stockMovedNotice")).contains("洗手液 -5 瓶");

    // while the approver has the task open: 3 more issued
    ledger.issue(Voucher.manual("ST-ISSUE-2-" + soap, COUNTER), List.of(StockLine.of(soap, new BigDecimal("3"))));
    assertThat(stocktakes.decide(first, APPROVER, "approve", null).status()).isEqualTo(204);
    stocktakes.runJobs(instance);

    assertThat(stocktakes.adjustments(soap)).as("the decision on stale figures is not taken").isZero();
    Task second = stocktakes.task(instance, "Task_ApproveDifferences");
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(engine.getRuntimeService().getVariable(instance, "decision")).as("the stale decision is not offered again")
        .isNull();
    assertThat((String) engine.getRuntimeService().getVariable(instance, "stockMovedNotice"))
        .startsWith("审批期间库存发生了变动，差异已按当前账面重新计算").contains("洗手液 -8 瓶");
    JsonNode recomputed = line(json(engine.getRuntimeService().getVariable(instance, "differences")), soap);
    assertThat(recomputed.path("bookQuantity").decimalValue()).isEqualByComparingTo("42");
    assertThat(recomputed.path("difference").decimalValue()).isEqualByComparingTo("-2");

    assertThat(stocktakes.decide(second, APPROVER, "approve", null).status()).isEqualTo(204);
    stocktakes.runJobs(instance);
    assertThat(stocktakes.ended(instance)).isTrue();
    assertThat(stocktakes.balance(soap)).as("48 counted − 8 issued since = the goods").isEqualByComparingTo("40");
  }

  @Test
  void aLargeDifferenceGoesToThePrincipalAndARejectionPostsNothing() {
    String desks = stocktakes.item("课桌", "张", "other", "40", "260.00");
    String instance = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    stocktakes.countAll(instance, COUNTER, Map.of(desks, "30"), Map.of());
    stocktakes.runJobs(instance);

    Task approval = stocktakes.task(instance, "Task_ApproveDifferences");
    assertThat(OpenTasks.candidateGroupOf(engine.getTaskService(), approval)).as("2600 CNY > 2000").isEqualTo("principal");
    assertThat(stocktakes.decide(approval, APPROVER, "approve", null).status()).as("general affairs is not a candidate")
        .isEqualTo(403);
    Answer withoutReason = stocktakes.decide(approval, PRINCIPAL, "reject", null);
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(withoutReason.message()).startsWith("驳回盘点结果时请填写审批意见");
    assertThat(stocktakes.decide(approval, PRINCIPAL, "reject", "差异过大，请重新组织盘点").status()).isEqualTo(204);

    assertThat(stocktakes.ended(instance)).isTrue();
    assertThat(stocktakes.balance(desks)).isEqualByComparingTo("40");
    assertThat(stocktakes.adjustments(desks)).isZero();
    Answer report = stocktakes.http.get("/api/stocktakes/" + stocktakes.businessKey(instance), STARTER);
    assertThat(report.json().path("stocktake").path("status").asText()).isEqualTo("REJECTED");
    assertThat(report.json().path("stocktake").path("approvalComment").asText()).isEqualTo("差异过大，请重新组织盘点");
    assertThat(line(report.json().path("items"), desks).path("difference").decimalValue()).isEqualByComparingTo("-10");
  }

  static JsonNode json(Object variable) {
    try {
      return TestHttp.JSON.readTree(variable.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode line(JsonNode lines, String itemCode) {
    for (JsonNode line : lines) {
      if (line.path("itemCode").asText().equals(itemCode)) {
        return line;
      }
    }
    throw new AssertionError("no line of " + itemCode + " in " + lines);
  }

  static JsonNode asset(JsonNode lines, String tag) {
    for (JsonNode line : lines) {
      if (line.path("assetTag").asText().equals(tag)) {
        return line;
      }
    }
    throw new AssertionError("no asset " + tag + " in " + lines);
  }
}
