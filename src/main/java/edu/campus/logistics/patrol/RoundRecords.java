package edu.campus.logistics.patrol;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rounds of each day and the defects they found (tables {@code checklist_round},
 * {@code checklist_defect}, V13__checklist_rounds.sql), written in the engine's transaction: a
 * refused checklist leaves no row, a completed one commits with its repairs. The day's report reads them.
 */
@Repository
class RoundRecords {

  private final JdbcTemplate jdbc;

  RoundRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void planned(String processInstanceId, String processKey, String caseNumber, LocalDate day, ChecklistRound round) {
    jdbc.update("insert into checklist_round (process_instance_id, round_key, process_key, case_number, round_date, area,"
            + " area_name, round_id, round_name, assignee, candidate_group, asset_tag, due_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processInstanceId, round.key(), processKey, caseNumber, java.sql.Date.valueOf(day), round.area(), round.areaName(),
        round.round(), round.roundName(), round.assignee(), round.candidateGroup(), round.assetTag(),
        Timestamp.from(Instant.parse(round.dueAt())));
  }

  void done(String processInstanceId, String roundKey, String by, Instant at) {
    jdbc.update("update checklist_round set done_by = ?, done_at = ? where process_instance_id = ? and round_key = ?",
        by, Timestamp.from(at), processInstanceId, roundKey);
  }

  void escalated(String processInstanceId, String roundKey, Instant at) {
    jdbc.update("update checklist_round set escalated_at = ? where process_instance_id = ? and round_key = ?",
        Timestamp.from(at), processInstanceId, roundKey);
  }

  void defect(String processInstanceId, String roundKey, Defect defect) {
    jdbc.update("insert into checklist_defect (process_instance_id, round_key, item, item_name, repair_category, note,"
            + " urgency, repair_instance_id, repair_case_number, linked_to_open, found_by, found_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processInstanceId, roundKey, defect.item(), defect.itemName(), defect.repairCategory(), defect.note(),
        defect.urgency(), defect.repairInstanceId(), defect.repairCaseNumber(), defect.linkedToOpen(), defect.foundBy(),
        Timestamp.from(defect.foundAt()));
  }

  /** The rounds of one process on one day, in due order, each as its columns. */
  List<Map<String, Object>> roundsOf(String processKey, LocalDate day) {
    return jdbc.queryForList("select * from checklist_round where process_key = ? and round_date = ?"
        + " order by due_at, area, round_id", processKey, java.sql.Date.valueOf(day));
  }

  /** The defects found on one day's rounds of one process. */
  List<Map<String, Object>> defectsOf(String processKey, LocalDate day) {
    return jdbc.queryForList("select d.* from checklist_defect d join checklist_round r"
        + " on r.process_instance_id = d.process_instance_id and r.round_key = d.round_key"
        + " where r.process_key = ? and r.round_date = ? order by d.found_at, d.item", processKey, java.sql.Date.valueOf(day));
  }

  /**
   * A defect found on a round and the repair it started or was linked to.
   *
   * @param linkedToOpen true when an open repair for the same location and category existed and was linked instead
   */
  record Defect(String item, String itemName, String repairCategory, String note, String urgency, String repairInstanceId,
                String repairCaseNumber, boolean linkedToOpen, String foundBy, Instant foundAt) {
  }
}
