package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.CHECKLIST;
import static edu.campus.logistics.patrol.PatrolVariables.RESULT;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Refusal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the checklist task: every item of the round answered exactly once, a defect
 * with its note; then each defect becomes a repair report ({@link DefectRepairs}) and the round is
 * recorded as done by whoever completed it. A refusal changes nothing: no repair, no record.
 */
@Component("recordChecklist")
class RecordChecklist implements TaskListener {

  private final DefectRepairs repairs;
  private final RoundRecords records;

  RecordChecklist(DefectRepairs repairs, RoundRecords records) {
    this.repairs = repairs;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    ChecklistRound round = PlannedRounds.of(task.getExecution());
    ChecklistKind kind = ChecklistKind.of(task.getExecution().getProcessDefinitionId().split(":")[0]);
    String patroller = Actor.of(task);
    List<ChecklistRow> rows = JsonVariable.readList(task.getVariable(CHECKLIST), ChecklistRow.class, CHECKLIST, "检查项");
    Map<String, ChecklistRow> answers = checked(round, kind, rows);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, DefectRepairs.Reported> reportedHere = new HashMap<>();
    for (ChecklistRow row : answers.values()) {
      if (ChecklistRow.DEFECT.equals(row.result())) {
        ChecklistItems.Item item = ChecklistItems.find(task.getProcessEngineServices(), task.getProcessDefinitionId(), kind,
            row.item()).orElseThrow();
        DefectRepairs.Reported repair = repairs.report(task.getExecution(), kind, round, item, row, patroller, reportedHere);
        records.defect(task.getProcessInstanceId(), round.key(), new RoundRecords.Defect(item.code(), item.name(),
            item.repairCategory(), row.note().trim(), urgency(row), repair.instanceId(), repair.caseNumber(),
            repair.linked(), patroller, now));
      }
    }
    records.done(task.getProcessInstanceId(), round.key(), patroller, now);
  }

  /** The answers by item, in the round's order; refused unless each item of the round is answered once, a defect with a note. */
  static Map<String, ChecklistRow> checked(ChecklistRound round, ChecklistKind kind, List<ChecklistRow> rows) {
    Map<String, ChecklistRow> answers = new LinkedHashMap<>();
    for (ChecklistRow row : rows) {
      String item = row.item() == null ? null : row.item().trim();
      if (item == null || !round.items().contains(item)) {
        throw Refusal.of("检查项 " + item + " 不属于" + round.areaName() + "的" + kind.roundWord + "（" + round.roundName() + "）",
            "checklist item " + item + " is not an item of round " + round.key());
      }
      if (answers.containsKey(item)) {
        throw Refusal.of("检查项 " + label(row) + " 填了两次，每项只填一次", "checklist item " + item + " is answered twice");
      }
      if (!ChecklistRow.OK.equals(row.result()) && !ChecklistRow.DEFECT.equals(row.result())) {
        throw Refusal.of("检查项 " + label(row) + " 请选择正常或有问题", "checklist item " + item + ": " + RESULT + " must be ok or defect");
      }
      if (ChecklistRow.DEFECT.equals(row.result()) && (row.note() == null || row.note().isBlank())) {
        throw Refusal.of("检查项 " + label(row) + " 有问题，请写明问题说明", "checklist item " + item + ": a defect needs a note");
      }
      if (ChecklistRow.DEFECT.equals(row.result()) && row.urgency() != null
          && !ChecklistRow.NORMAL.equals(row.urgency()) && !ChecklistRow.URGENT.equals(row.urgency())) {
        throw Refusal.of("检查项 " + label(row) + " 紧急程度取值无效：" + row.urgency(),
            "checklist item " + item + ": urgency must be urgent or normal");
      }
      answers.put(item, row);
    }
    for (String item : round.items()) {
      if (!answers.containsKey(item)) {
        throw Refusal.of("检查项 " + item + " 还没有填写，请逐项检查", "checklist item " + item + " is not answered");
      }
    }
    return answers;
  }

  private static String label(ChecklistRow row) {
    return row.itemName() != null && !row.itemName().isBlank() ? row.itemName().trim() : row.item();
  }

  static String urgency(ChecklistRow row) {
    return ChecklistRow.URGENT.equals(row.urgency()) ? ChecklistRow.URGENT : ChecklistRow.NORMAL;
  }
}
