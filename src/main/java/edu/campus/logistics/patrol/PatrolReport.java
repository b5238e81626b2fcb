package edu.campus.logistics.patrol;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.identity.ProcessKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The day's patrol report (日巡日报): every planned round with who patrolled it and when, which
 * areas had every round done in time ({@code areasDone}) and which had a round not done by its due
 * time ({@code areasMissed}: missed, or done late), every defect with its repair, the
 * repairs started and the patrollers. Read from the day's round records, which outlive the
 * engine's history.
 */
@Service
class PatrolReport {

  /** A round's state in the report. */
  static final String DONE = "done";
  static final String LATE = "late";
  static final String MISSED = "missed";
  static final String OPEN = "open";

  private final RoundRecords records;

  PatrolReport(RoundRecords records) {
    this.records = records;
  }

  /** The report of that day, optionally only for one area (by code or name; an area the day does not have is refused). */
  Map<String, Object> of(LocalDate day, String area) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Map<String, Object>> rows = records.roundsOf(ProcessKeys.DAILY_PATROL, day);
    List<Map<String, Object>> defectRows = records.defectsOf(ProcessKeys.DAILY_PATROL, day);
    if (area != null && rows.stream().noneMatch(row -> area.equals(row.get("AREA")) || area.equals(row.get("AREA_NAME")))) {
      throw Refusal.of("片区 " + area + " 不存在或当天没有巡查安排", "unknown area " + area + " on " + day);
    }
    Map<String, Map<String, Object>> roundsByKey = new LinkedHashMap<>();
    Set<String> cases = new LinkedHashSet<>();
    Set<String> patrollers = new LinkedHashSet<>();
    Map<String, Boolean> areaAllDone = new LinkedHashMap<>();
    Set<String> areasMissed = new LinkedHashSet<>();
    for (Map<String, Object> row : rows) {
      if (area != null && !area.equals(row.get("AREA")) && !area.equals(row.get("AREA_NAME"))) {
        continue;
      }
      Instant due = instant(row.get("DUE_AT"));
      Instant done = instant(row.get("DONE_AT"));
      String status = done != null ? (done.isAfter(due) ? LATE : DONE) : (now.isAfter(due) ? MISSED : OPEN);
      Map<String, Object> round = new LinkedHashMap<>();
      round.put("area", row.get("AREA"));
      round.put("areaName", row.get("AREA_NAME"));
      round.put("round", row.get("ROUND_ID"));
      round.put("roundName", row.get("ROUND_NAME"));
      round.put("responsible", row.get("ASSIGNEE") != null ? row.get("ASSIGNEE") : row.get("CANDIDATE_GROUP"));
      round.put("dueAt", due.toString());
      round.put("status", status);
      round.put("patrolledBy", row.get("DONE_BY"));
      round.put("doneAt", done == null ? null : done.toString());
      round.put("escalatedAt", row.get("ESCALATED_AT") == null ? null : instant(row.get("ESCALATED_AT")).toString());
      round.put("defects", new ArrayList<Map<String, Object>>());
      roundsByKey.put(row.get("PROCESS_INSTANCE_ID") + "#" + row.get("ROUND_KEY"), round);
      if (row.get("CASE_NUMBER") != null) {
        cases.add((String) row.get("CASE_NUMBER"));
      }
      if (row.get("DONE_BY") != null) {
        patrollers.add((String) row.get("DONE_BY"));
      }
      areaAllDone.merge((String) row.get("AREA_NAME"), DONE.equals(status), Boolean::logicalAnd);
      if (MISSED.equals(status) || LATE.equals(status)) {
        areasMissed.add((String) row.get("AREA_NAME"));
      }
    }
    List<Map<String, Object>> defects = new ArrayList<>();
    Set<String> repairsStarted = new LinkedHashSet<>();
    Set<String> repairsLinked = new LinkedHashSet<>();
    for (Map<String, Object> row : defectRows) {
      Map<String, Object> round = roundsByKey.get(row.get("PROCESS_INSTANCE_ID") + "#" + row.get("ROUND_KEY"));
      if (round == null) {
        continue;
      }
      boolean linked = Boolean.TRUE.equals(row.get("LINKED_TO_OPEN"));
      Map<String, Object> defect = new LinkedHashMap<>();
      defect.put("areaName", round.get("areaName"));
      defect.put("roundName", round.get("roundName"));
      defect.put("item", row.get("ITEM"));
      defect.put("itemName", row.get("ITEM_NAME"));
      defect.put("repairCategory", row.get("REPAIR_CATEGORY"));
      defect.put("note", row.get("NOTE"));
      defect.put("urgency", row.get("URGENCY"));
      defect.put("foundBy", row.get("FOUND_BY"));
      defect.put("repairCaseNumber", row.get("REPAIR_CASE_NUMBER"));
      defect.put("repairInstanceId", row.get("REPAIR_INSTANCE_ID"));
      defect.put("linkedToOpenRepair", linked);
      defects.add(defect);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> ofRound = (List<Map<String, Object>>) round.get("defects");
      ofRound.add(defect);
      (linked ? repairsLinked : repairsStarted).add((String) row.get("REPAIR_CASE_NUMBER"));
    }
    repairsLinked.removeAll(repairsStarted);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("date", day.toString());
    report.put("caseNumbers", List.copyOf(cases));
    report.put("rounds", List.copyOf(roundsByKey.values()));
    report.put("areasDone", areaAllDone.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
    report.put("areasMissed", List.copyOf(areasMissed));
    report.put("defects", defects);
    report.put("repairsStarted", List.copyOf(repairsStarted));
    report.put("repairsLinked", List.copyOf(repairsLinked));
    report.put("patrolledBy", List.copyOf(patrollers));
    return report;
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
