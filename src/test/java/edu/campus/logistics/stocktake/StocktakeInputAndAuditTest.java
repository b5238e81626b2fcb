package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeDriver.APPROVER;
import static edu.campus.logistics.stocktake.StocktakeDriver.COUNTER;
import static edu.campus.logistics.stocktake.StocktakeDriver.STARTER;
import static edu.campus.logistics.stocktake.StocktakeDriver.scope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.Asset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input to a stocktake — a scope that matches nothing, an unknown scope, unknown item codes,
 * negative and fractional counts of whole units, a line twice, an item or asset left out, a move without
 * the place — refused through REST with a Chinese reason, and nothing changes. And asset audits: the next
 * audit date per category, the overdue list, overdue cards counted in the next stocktake.
 */
class StocktakeInputAndAuditTest extends StocktakeScenario {

  @Autowired
  StocktakeStore store;

  @Test
  void aScopeThatMatchesNothingOrIsUnknownStartsNothing() {
    long before = instances();
    assertRefusedStart(scope("location", stocktakes.location("无此地点"), false), "清查范围内没有任何物品或资产（地点：");
    assertRefusedStart(scope("everything", null, false), "清查范围取值无效：everything");
    Map<String, Object> noCategory = scope("category", null, false);
    assertRefusedStart(noCategory, "物品类别必填");
    assertThat(instances()).isEqualTo(before);
    assertThat(stocktakes.start(SingleGroupUsers.of("warehouse"), scope("all", null, false)).status())
        .as("storekeepers count, they do not start").isEqualTo(403);
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void badCountsAreRefusedAndNothingIsRecorded() {
    String paper = stocktakes.item("打印纸", "包", "other", "10", "20.00");
    String room = stocktakes.location("201");
    List<Asset> cards = stocktakes.cards("other", 1, "1500.00", room, LocalDate.now());
    String instance = stocktakes.started(stocktakes.start(STARTER, scope("category", "other", false)));
    Task sheet = stocktakes.sheetWith(instance, paper);
    List<Map<String, Object>> good = stocktakes.rows(sheet, Map.of(paper, "10"));

    assertRefusedCount(instance, sheet, with(good, paper, "NO-SUCH-ITEM", null), List.of(), "实盘物品第");
    assertRefusedCount(instance, sheet, with(good, paper, paper, "-1"), List.of(), "实盘数量不能小于0");
    assertRefusedCount(instance, sheet, with(good, paper, paper, "2.5"), List.of(), "以“包”计，实盘数量必须是整数");
    List<Map<String, Object>> twice = new ArrayList<>(good);
    twice.add(Map.of("itemCode", paper, "quantity", new BigDecimal("3")));
    assertRefusedCount(instance, sheet, twice, List.of(), "已填写过一次，同一物品只能填写一行");
    List<Map<String, Object>> leftOut = new ArrayList<>(good);
    leftOut.removeIf(row -> row.get("itemCode").equals(paper));
    assertRefusedCount(instance, sheet, leftOut, List.of(), "盘点表中的物品未填写实盘数量：打印纸");

    String tag = cards.get(0).tag();
    Task assetSheet = stocktakes.sheetWith(instance, tag);
    List<Map<String, Object>> findings = stocktakes.findingRows(assetSheet, Map.of());
    findings.replaceAll(row -> row.get("assetTag").equals(tag) ? Map.of("assetTag", tag, "finding", "elsewhere") : row);
    assertRefusedCount(instance, assetSheet, List.of(), findings, "实际所在地点必填");
    assertRefusedCount(instance, assetSheet, List.of(), List.of(), "盘点表中的资产未填写盘点结果：" + tag);

    assertThat(stocktakes.count(sheet, COUNTER, good, List.of()).status()).as("the right count goes in").isEqualTo(204);
    assertThat(store.counts(instance)).extracting(StocktakeStore.Count::itemCode).contains(paper);
  }

  @Test
  void overdueAssetsAreListedAndCountedInTheNextStocktake() {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    String overdue = stocktakes.cards("equipment", 1, "3000.00", stocktakes.location("机房"), today.minusDays(400))
        .get(0).tag();
    String fresh = stocktakes.cards("furniture", 1, "1200.00", stocktakes.location("301"), today).get(0).tag();

    Answer list = stocktakes.http.get("/api/stocktakes/audits/overdue", STARTER);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(card(list.json(), overdue).path("nextAuditOn").asText()).as("equipment: yearly")
        .isEqualTo(today.minusDays(400).plusYears(1).toString());
    assertThat(has(list.json(), fresh)).isFalse();
    Answer all = stocktakes.http.get("/api/stocktakes/audits", "linna");
    assertThat(card(all.json(), fresh).path("nextAuditOn").asText()).as("furniture: every two years")
        .isEqualTo(today.plusYears(2).toString());
    Answer staff = stocktakes.http.get("/api/stocktakes/audits/overdue", SingleGroupUsers.of("staff"));
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.message()).startsWith("无权查看清查结果");

    String without = stocktakes.started(stocktakes.start(STARTER, scope("location", stocktakes.location("301"), false)));
    assertThat(onSomeSheet(without, overdue)).as("not asked to include overdue cards").isFalse();
    String instance = stocktakes.started(stocktakes.start(STARTER, scope("location", stocktakes.location("301"), true)));
    assertThat(onSomeSheet(instance, overdue)).isTrue();
    stocktakes.countAll(instance, COUNTER, Map.of(), Map.of());
    stocktakes.runJobs(instance);
    assertThat(stocktakes.decide(stocktakes.task(instance, "Task_ApproveDifferences"), APPROVER, "approve", null).status())
        .isEqualTo(204);
    stocktakes.runJobs(instance);

    assertThat(stocktakes.ended(instance)).isTrue();
    Answer after = stocktakes.http.get("/api/stocktakes/audits", STARTER);
    assertThat(card(after.json(), overdue).path("lastAuditedOn").asText()).isEqualTo(today.toString());
    assertThat(card(after.json(), overdue).path("nextAuditOn").asText()).isEqualTo(today.plusYears(1).toString());
    assertThat(has(stocktakes.http.get("/api/stocktakes/audits/overdue", STARTER).json(), overdue)).isFalse();
    engine.getRuntimeService().deleteProcessInstance(without, "test done");
  }

  private long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.STOCKTAKE).count();
  }

  private void assertRefusedStart(Map<String, Object> variables, String reason) {
    Answer answer = stocktakes.start(STARTER, variables);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains(reason);
  }

  private void assertRefusedCount(String instance, Task task, List<Map<String, Object>> items,
                                  List<Map<String, Object>> findings, String reason) {
    Answer answer = stocktakes.count(task, COUNTER, items, findings);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains(reason);
    assertThat(stocktakes.tasks(instance, "Task_CountStock")).extracting(Task::getId).contains(task.getId());
    assertThat(store.counts(instance)).as("nothing recorded").isEmpty();
  }

  private static List<Map<String, Object>> with(List<Map<String, Object>> rows, String code, String newCode, String quantity) {
    List<Map<String, Object>> changed = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (row.get("itemCode").equals(code)) {
        Map<String, Object> replaced = new LinkedHashMap<>(row);
        replaced.put("itemCode", newCode);
        if (quantity != null) {
          replaced.put("quantity", new BigDecimal(quantity));
        }
        changed.add(replaced);
      } else {
        changed.add(row);
      }
    }
    return changed;
  }

  private boolean onSomeSheet(String instance, String tag) {
    for (JsonNode sheet : StocktakeProcessTest.json(engine.getRuntimeService().getVariable(instance, "countSheets"))) {
      for (JsonNode asset : sheet.path("assets")) {
        if (asset.path("assetTag").asText().equals(tag)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean has(JsonNode cards, String tag) {
    for (JsonNode card : cards) {
      if (card.path("tag").asText().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode card(JsonNode cards, String tag) {
    for (JsonNode card : cards) {
      if (card.path("tag").asText().equals(tag)) {
        return card;
      }
    }
    throw new AssertionError("no card " + tag + " in " + cards);
  }
}
