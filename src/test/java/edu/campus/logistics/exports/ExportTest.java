package edu.campus.logistics.exports;

import static edu.campus.logistics.CaseDriver.as;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit exports as finance, the head of logistics and the principal download them. */
@CampusTest
class ExportTest {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");
  private static final DataFormatter TEXT = new DataFormatter();

  @LocalServerPort int port;
  @Autowired LedgerService ledger;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private final HttpClient client = HttpClient.newHttpClient();
  private String item;
  private String caseKey;

  @BeforeEach
  void stockAnItem() {
    item = "OPS-EXP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    caseKey = "CG-EXP-" + item.substring(8);
    ledger.registerItem(new NewItem(item, "导出测试投影仪", "3LCD 4000流明", "台", ItemCategory.OTHER.id(), BigDecimal.ZERO));
    // vouchers with a business key but no process instance: the shared reconciliation compares receipts
    // of real procurement cases with their orders, and these have none
    ledger.receive(new Voucher("exp:" + item + ":receipt", null, caseKey, "Task_ConfirmStorage", "wuxiaohong"),
        List.of(StockLine.of(item, new BigDecimal("5"), new BigDecimal("3200.00"))));
    ledger.receive(new Voucher("exp:" + item + ":receipt2", null, caseKey + "-2", "Task_ConfirmStorage", "wuxiaohong"),
        List.of(StockLine.of(item, new BigDecimal("3"), new BigDecimal("3100.50"))));
    ledger.issue(new Voucher("exp:" + item + ":issue", null, "LY-EXP-" + item.substring(8), "Task_ManualIssue", "wuxiaohong"),
        List.of(StockLine.of(item, new BigDecimal("2"), null)));
  }

  @Test
  void theStockLedgerOfAnItemReadsBackWithChineseHeadersVouchersAndTotalsEqualToTheLedger() throws IOException {
    HttpResponse<byte[]> answer = get("/api/exports/stock-ledger?item=" + item + "&format=xlsx", "linna");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
        .contains(URLEncoder.encode("库存台账", StandardCharsets.UTF_8).replace("+", "%20"));

    List<List<String>> rows = readXlsx(answer.body());
    assertThat(rows.get(0)).containsExactlyElementsOf(StockLedgerExport.HEADERS);
    assertThat(rows.get(0)).startsWith("记账时间", "物品编码", "物品名称");
    List<LedgerEntry> entries = ledger.entries(item);
    assertThat(rows).hasSize(1 + entries.size() + 1);
    assertThat(rows.subList(1, 4)).extracting(row -> row.get(12))
        .containsExactly(caseKey, caseKey + "-2", "LY-EXP-" + item.substring(8));
    assertThat(rows.subList(1, 4)).extracting(row -> row.get(5)).containsExactly("入库", "入库", "领用出库");
    assertThat(rows.get(1)).contains("导出测试投影仪", "台", "吴晓红 (wuxiaohong)", "exp:" + item + ":receipt");
    // the activity by its name in the model; an activity no model knows stays its id
    assertThat(rows.get(1).get(13)).isEqualTo("确认入库");
    assertThat(rows.get(3).get(13)).isEqualTo("Task_ManualIssue");
    assertThat(ledger.reconcile().consistent()).isTrue();

    Item balance = ledger.findItem(item).orElseThrow();
    List<String> total = rows.get(rows.size() - 1);
    assertThat(total.get(0)).isEqualTo("合计");
    assertThat(new BigDecimal(total.get(StockLedgerExport.QUANTITY_COLUMN))).isEqualByComparingTo(balance.quantity());
    assertThat(new BigDecimal(total.get(StockLedgerExport.AMOUNT_COLUMN))).isEqualByComparingTo(balance.stockValue());
    BigDecimal amounts = rows.subList(1, rows.size() - 1).stream()
        .map(row -> new BigDecimal(row.get(StockLedgerExport.AMOUNT_COLUMN))).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(amounts).isEqualByComparingTo(balance.stockValue());
    // the last entry's balance after is the item's balance
    assertThat(new BigDecimal(rows.get(rows.size() - 2).get(9))).isEqualByComparingTo(balance.quantity());
  }

  @Test
  void csvIsUtf8WithAByteOrderMarkAndTheSameRows() {
    HttpResponse<byte[]> answer = get("/api/exports/stock-ledger?item=" + item + "&format=csv", "gaoming");
    assertThat(answer.statusCode()).isEqualTo(200);
    byte[] body = answer.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).isEqualTo(String.join(",", StockLedgerExport.HEADERS));
    assertThat(lines).hasSize(1 + 3 + 1);
    assertThat(lines[1]).contains(item, "导出测试投影仪", "入库", "16000.00", caseKey);
    assertThat(lines[4]).startsWith("合计,").contains("共 3 笔");
  }

  @Test
  void aPeriodLimitsTheEntries() {
    String tomorrow = LocalDate.now(SCHOOL).plusDays(1).toString();
    List<List<String>> rows = readXlsx(get("/api/exports/stock-ledger?item=" + item + "&from=" + tomorrow, "lijianguo").body());
    assertThat(rows).hasSize(2);
    String today = LocalDate.now(SCHOOL).toString();
    assertThat(readXlsx(get("/api/exports/stock-ledger?item=" + item + "&from=" + today + "&to=" + today, "lijianguo").body()))
        .hasSize(5);
  }

  @Test
  void staffAndOtherGroupsAreRefusedAndBadParametersAnsweredWithAReason() {
    assertThat(get("/api/exports/stock-ledger", "zhangwei").statusCode()).isEqualTo(403);
    assertThat(get("/api/exports/assets", "zhangwei").statusCode()).isEqualTo(403);
    assertThat(get("/api/exports/procurements", "wuxiaohong").statusCode()).isEqualTo(403);
    assertThat(get("/api/exports/repairs", "zhengkai").statusCode()).isEqualTo(403);
    assertThat(get("/api/exports/repairs", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/exports/assets", "admin").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> badFormat = get("/api/exports/stock-ledger?format=pdf", "linna");
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(new String(badFormat.body(), StandardCharsets.UTF_8)).contains("format must be one of xlsx, csv");
    HttpResponse<byte[]> badDate = get("/api/exports/procurements?from=2026-13-01", "linna");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(new String(badDate.body(), StandardCharsets.UTF_8)).contains("from must be a date yyyy-MM-dd");
    assertThat(get("/api/exports/repairs?from=2026-12-02&to=2026-12-01", "linna").statusCode()).isEqualTo(400);
    HttpResponse<byte[]> unknown = get("/api/exports/stock-ledger?item=NO-SUCH-ITEM", "linna");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("unknown item code: NO-SUCH-ITEM");
  }

  @Test
  void theListOfExportsForTheKpiPageLinksIsAnsweredToExportReadersOnly() throws IOException {
    for (String reader : new String[] {"linna", "gaoming", "lijianguo"}) {
      HttpResponse<byte[]> answer = get("/api/exports", reader);
      assertThat(answer.statusCode()).as(reader).isEqualTo(200);
      JsonNode exports = TestHttp.JSON.readTree(answer.body());
      assertThat(exports).extracting(node -> node.path("title").asText())
          .containsExactly("库存台账", "采购登记簿", "维修登记簿", "固定资产登记簿");
      assertThat(exports).extracting(node -> node.path("path").asText()).containsExactly("/api/exports/stock-ledger",
          "/api/exports/procurements", "/api/exports/repairs", "/api/exports/assets");
      assertThat(exports).extracting(node -> node.path("period").asBoolean()).containsExactly(true, true, true, false);
    }
    for (String other : new String[] {"zhangwei", "wangfang", "wuxiaohong", "zhengkai"}) {
      assertThat(get("/api/exports", other).statusCode()).as(other).isEqualTo(403);
    }
    assertThat(get("/api/exports", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theProcurementRegisterShowsTheRequestItsApprovalWhoAndWhenAndTheAmount() {
    ProcessInstance request = as(identity, "zhangwei", () -> runtime.startProcessInstanceByKey(ProcessKeys.PROCUREMENT,
        Map.of("department", "教务处", "reason", "审计导出测试", "neededBy", LocalDate.now().plusDays(14).toString(),
            "items", "[{\"itemCode\":\"OFF-CHALK\",\"quantity\":2,\"unitPrice\":6.5}]")));
    String businessKey = request.getBusinessKey();
    Task approval = tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
    as(identity, "wangfang", () -> {
      tasks.claim(approval.getId(), "wangfang");
      tasks.complete(approval.getId(), Map.of("decision", "approve", "comment", "同意购买"));
      return null;
    });

    List<List<String>> rows = readXlsx(get("/api/exports/procurements?format=xlsx", "linna").body());
    assertThat(rows.get(0)).containsExactlyElementsOf(ProcurementRegisterExport.HEADERS);
    List<String> row = rows.stream().filter(r -> businessKey.equals(r.get(0))).findFirst().orElseThrow();
    assertThat(row.get(2)).isEqualTo("张伟 (zhangwei)");
    assertThat(row.get(3)).isEqualTo("教务处");
    assertThat(row.get(6)).as("a catalogue line with the catalogue's words and its code")
        .contains("无尘粉笔 白色 100支/盒（OFF-CHALK） ×2盒");
    assertThat(new BigDecimal(row.get(ProcurementRegisterExport.REQUESTED_COLUMN))).isEqualByComparingTo("13");
    assertThat(row.get(8)).contains("第1轮 总务主任 王芳 (wangfang) 同意", LocalDate.now(SCHOOL).toString(), "同意购买");
    assertThat(row.get(19)).isEqualTo("进行中");
    assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("合计");

    String tomorrow = LocalDate.now(SCHOOL).plusDays(1).toString();
    assertThat(readXlsx(get("/api/exports/procurements?from=" + tomorrow, "linna").body()))
        .noneMatch(r -> businessKey.equals(r.get(0)));
  }

  @Test
  void theRepairRegisterShowsWhereWhatAndTheFirstResponder() {
    ProcessInstance repair = as(identity, "liuyang", () -> runtime.createProcessInstanceByKey(ProcessKeys.REPAIR)
        .setVariables(Map.of("location", "实验楼 / 305", "category", "plumbing", "description", "=1+1 水龙头漏水, 请尽快",
            "urgency", "urgent")).execute());
    String businessKey = repair.getBusinessKey();
    Task report = tasks.createTaskQuery().processInstanceId(repair.getId()).taskDefinitionKey("Task_DispatchRepair").singleResult();
    as(identity, "zhengkai", () -> {
      tasks.claim(report.getId(), "zhengkai");
      return null;
    });

    List<List<String>> rows = readXlsx(get("/api/exports/repairs", "gaoming").body());
    assertThat(rows.get(0)).containsExactlyElementsOf(RepairRegisterExport.HEADERS);
    List<String> row = rows.stream().filter(r -> businessKey.equals(r.get(0))).findFirst().orElseThrow();
    assertThat(row.subList(2, 9)).containsExactly("实验楼 / 305", "水", "=1+1 水龙头漏水, 请尽快", "紧急", "",
        "刘洋 (liuyang)", "郑凯 (zhengkai)");
    assertThat(row.get(20)).isEqualTo("进行中");

    // in CSV a text that looks like a formula is defused, a comma quoted
    String csv = new String(get("/api/exports/repairs?format=csv", "gaoming").body(), StandardCharsets.UTF_8);
    assertThat(csv).contains(businessKey + ",").contains("\"'=1+1 水龙头漏水, 请尽快\"");
  }


  private HttpResponse<byte[]> get(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Every row as the texts a spreadsheet shows (numbers without grouping), empty cells as "". */
  static List<List<String>> readXlsx(byte[] body) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      Sheet sheet = workbook.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          Cell cell = row.getCell(i);
          cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
              ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString() : TEXT.formatCellValue(cell));
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new AssertionError("not an xlsx workbook", e);
    }
  }
}
