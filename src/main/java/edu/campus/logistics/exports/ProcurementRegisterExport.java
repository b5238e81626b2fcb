package edu.campus.logistics.exports;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVED_AMOUNT;
import static edu.campus.logistics.procurement.ProcurementVariables.ASSET_TAGS;
import static edu.campus.logistics.procurement.ProcurementVariables.BUYER_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.DEPARTMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTION_RESULT;
import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTOR_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.NEEDED_BY;
import static edu.campus.logistics.procurement.ProcurementVariables.ORDER_NO;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_TOTAL;
import static edu.campus.logistics.procurement.ProcurementVariables.QUOTES;
import static edu.campus.logistics.procurement.ProcurementVariables.REASON;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.STOCK_VOUCHER;
import static edu.campus.logistics.procurement.ProcurementVariables.SUPPLIER;
import static edu.campus.logistics.procurement.ProcurementVariables.TOTAL_AMOUNT;

import static edu.campus.logistics.exports.Texts.elements;
import static edu.campus.logistics.exports.Texts.optional;
import static edu.campus.logistics.exports.Texts.person;
import static edu.campus.logistics.exports.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.procurement.ProcurementActivities;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The procurement register (采购登记簿): one row per request started in the period, with its lines,
 * every approval (who, when, what), the buyer, supplier, quotes, order and amounts, the inspection
 * and the stock voucher — read from the case history (docs/processes/procurement.md, variable contract).
 */
@Component
class ProcurementRegisterExport {

  static final String PROCESS = "procurement";
  static final List<String> HEADERS = List.of("业务编号", "申请时间", "申请人", "部门", "事由", "需用日期", "物品明细",
      "申请金额", "审批记录", "批准金额", "采购员", "供应商", "订单号", "报价", "实际金额", "验收结果", "验收员",
      "入库凭证", "资产编号", "状态", "结束时间");
  static final int REQUESTED_COLUMN = HEADERS.indexOf("申请金额");
  static final int ACTUAL_COLUMN = HEADERS.indexOf("实际金额");
  private static final List<String> VARIABLES = List.of(ITEMS, REASON, DEPARTMENT, NEEDED_BY, REQUESTER_ID,
      TOTAL_AMOUNT, APPROVALS, APPROVED_AMOUNT, BUYER_ID, SUPPLIER, ORDER_NO, QUOTES, PURCHASE_TOTAL,
      INSPECTION_RESULT, INSPECTOR_ID, STOCK_VOUCHER, ASSET_TAGS);

  private final CaseHistory cases;

  ProcurementRegisterExport(CaseHistory cases) {
    this.cases = cases;
  }

  void write(TableSink sink, Period period) {
    Map<String, String> people = cases.userNames();
    ZoneId zone = period.zone();
    sink.header(HEADERS);
    CaseTotals totals = new CaseTotals(REQUESTED_COLUMN, ACTUAL_COLUMN);
    cases.forEachCase(PROCESS, period.start(), period.end(), VARIABLES, procurement -> {
      totals.count();
      BigDecimal requested = totals.add(REQUESTED_COLUMN, procurement.get(TOTAL_AMOUNT));
      BigDecimal actual = totals.add(ACTUAL_COLUMN, procurement.get(PURCHASE_TOTAL));
      HistoricProcessInstance instance = procurement.instance();
      sink.row(Arrays.asList(instance.getBusinessKey(), Labels.time(instance.getStartTime(), zone),
          person(people, procurement.text(REQUESTER_ID)), procurement.text(DEPARTMENT), procurement.text(REASON),
          procurement.text(NEEDED_BY), lines(procurement.json(ITEMS)), requested,
          approvals(procurement.json(APPROVALS), people, zone), Labels.money(procurement.get(APPROVED_AMOUNT)),
          person(people, procurement.text(BUYER_ID)), procurement.text(SUPPLIER), procurement.text(ORDER_NO),
          quotes(procurement.json(QUOTES)), actual, Labels.word(procurement.get(INSPECTION_RESULT)),
          person(people, procurement.text(INSPECTOR_ID)), procurement.text(STOCK_VOUCHER),
          list(procurement.json(ASSET_TAGS)), Texts.state(instance, Labels.word(ProcurementActivities.endState(instance.getEndActivityId()))),
          Labels.time(instance.getEndTime(), zone)));
    });
    sink.row(totals.row());
  }

  private static String lines(JsonNode items) {
    return elements(items).map(line -> text(line, "name") + optional(" ", text(line, "spec"))
        + optional("（", text(line, "itemCode"), "）") + " ×"
        + text(line, "quantity") + text(line, "unit") + optional(" 单价 ", text(line, "unitPrice")))
        .collect(Collectors.joining("；"));
  }

  private static String approvals(JsonNode approvals, Map<String, String> people, ZoneId zone) {
    return elements(approvals).map(approval -> "第" + text(approval, "round") + "轮 " + Labels.group(text(approval, "level"))
        + " " + person(people, text(approval, "userId")) + " " + Labels.word(text(approval, "decision"))
        + " " + Labels.time(text(approval, "decidedAt"), zone) + optional("（", text(approval, "comment"), "）"))
        .collect(Collectors.joining("；"));
  }

  private static String quotes(JsonNode quotes) {
    return elements(quotes).map(quote -> text(quote, "supplier") + " " + text(quote, "amount")
        + optional("（", text(quote, "note"), "）")).collect(Collectors.joining("；"));
  }

  private static String list(JsonNode values) {
    return elements(values).map(JsonNode::asText).collect(Collectors.joining("，"));
  }
}
