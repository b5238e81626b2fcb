package edu.campus.logistics.exports;

import static edu.campus.logistics.exports.Texts.person;
import static edu.campus.logistics.repair.RepairVariables.ASSET_TAG;
import static edu.campus.logistics.repair.RepairVariables.CATEGORY;
import static edu.campus.logistics.repair.RepairVariables.CAUSE;
import static edu.campus.logistics.repair.RepairVariables.CLOSED_AT;
import static edu.campus.logistics.repair.RepairVariables.CONTRACTOR;
import static edu.campus.logistics.repair.RepairVariables.DESCRIPTION;
import static edu.campus.logistics.repair.RepairVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.LOCATION;
import static edu.campus.logistics.repair.RepairVariables.PARTS_COST;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.REPAIR_COST;
import static edu.campus.logistics.repair.RepairVariables.REPORTED_AT;
import static edu.campus.logistics.repair.RepairVariables.REPORTER_ID;
import static edu.campus.logistics.repair.RepairVariables.RESOLVED_AT;
import static edu.campus.logistics.repair.RepairVariables.RESPONDED_AT;
import static edu.campus.logistics.repair.RepairVariables.SATISFACTION;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;
import static edu.campus.logistics.repair.RepairVariables.WORK_DONE;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The repair register (维修登记簿): one row per repair reported in the period — where, what, who
 * reported, the first responder who owns it, who repaired it, costs, the reporter's rating, reopenings,
 * escalations and times (docs/processes/repair.md, variable contract).
 */
@Component
class RepairRegisterExport {

  static final String PROCESS = "repair";
  static final List<String> HEADERS = List.of("业务编号", "报修时间", "报修地点", "类别", "故障描述", "紧急程度", "资产编号",
      "报修人", "首问负责人", "受理时间", "维修人员/单位", "维修内容", "原因", "配件费", "维修费", "满意度", "返修次数",
      "督办级别", "修复确认时间", "结案时间", "状态");
  static final int PARTS_COLUMN = HEADERS.indexOf("配件费");
  static final int COST_COLUMN = HEADERS.indexOf("维修费");
  private static final List<String> VARIABLES = List.of(LOCATION, CATEGORY, DESCRIPTION, URGENCY, ASSET_TAG,
      REPORTER_ID, FIRST_RESPONDER, RESPONDED_AT, TECHNICIAN, CONTRACTOR, WORK_DONE, CAUSE, PARTS_COST, REPAIR_COST,
      SATISFACTION, REOPEN_COUNT, ESCALATION_LEVEL, REPORTED_AT, RESOLVED_AT, CLOSED_AT);

  private final CaseHistory cases;

  RepairRegisterExport(CaseHistory cases) {
    this.cases = cases;
  }

  void write(TableSink sink, Period period) {
    Map<String, String> people = cases.userNames();
    ZoneId zone = period.zone();
    sink.header(HEADERS);
    CaseTotals totals = new CaseTotals(PARTS_COLUMN, COST_COLUMN);
    cases.forEachCase(PROCESS, period.start(), period.end(), VARIABLES, repair -> {
      totals.count();
      BigDecimal parts = totals.add(PARTS_COLUMN, repair.get(PARTS_COST));
      BigDecimal cost = totals.add(COST_COLUMN, repair.get(REPAIR_COST));
      HistoricProcessInstance instance = repair.instance();
      String worker = repair.text(CONTRACTOR) != null && !repair.text(CONTRACTOR).isBlank()
          ? repair.text(CONTRACTOR) : person(people, repair.text(TECHNICIAN));
      Object reportedAt = repair.get(REPORTED_AT) != null ? repair.get(REPORTED_AT) : instance.getStartTime();
      sink.row(Arrays.asList(instance.getBusinessKey(), Labels.time(reportedAt, zone), repair.text(LOCATION),
          Labels.repairCategory(repair.get(CATEGORY)), repair.text(DESCRIPTION), Labels.word(repair.get(URGENCY)),
          repair.text(ASSET_TAG), person(people, repair.text(REPORTER_ID)),
          person(people, repair.text(FIRST_RESPONDER)), Labels.time(repair.get(RESPONDED_AT), zone), worker,
          repair.text(WORK_DONE), Labels.word(repair.get(CAUSE)), parts, cost, repair.get(SATISFACTION),
          repair.get(REOPEN_COUNT), escalation(repair.get(ESCALATION_LEVEL)),
          Labels.time(repair.get(RESOLVED_AT), zone), Labels.time(repair.get(CLOSED_AT), zone),
          Texts.state(instance, repair.get(CLOSED_AT) != null ? "已结案" : null)));
    });
    sink.row(totals.row());
  }

  private static String escalation(Object level) {
    if (!(level instanceof Number number) || number.intValue() == 0) {
      return "无";
    }
    return number.intValue() == 1 ? "后勤负责人" : "校长";
  }
}
