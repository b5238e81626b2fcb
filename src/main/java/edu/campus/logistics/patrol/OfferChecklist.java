package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.AREA_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.CHECKLIST;
import static edu.campus.logistics.patrol.PatrolVariables.ITEM;
import static edu.campus.logistics.patrol.PatrolVariables.ITEM_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND_NAME;

import edu.campus.logistics.cases.JsonVariable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Create listener of the checklist task (Task_PatrolRound, Task_Inspect): gives it to the round's
 * responsible person or group, with the round's due time, and fills the checklist with the round's
 * items ({@code checklist} on the task's execution, task-local {@code areaName}, {@code roundName}).
 */
@Component("offerChecklist")
class OfferChecklist implements TaskListener {

  private final DateTimeFormatter time;

  OfferChecklist(@Value("${campus.time-zone}") ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
  }

  @Override
  public void notify(DelegateTask task) {
    ChecklistRound round = PlannedRounds.of(task.getExecution());
    ChecklistKind kind = ChecklistKind.of(task.getExecution().getProcessDefinitionId().split(":")[0]);
    Instant due = Instant.parse(round.dueAt());
    task.setDueDate(Date.from(due));
    task.setName(task.getName() + "：" + round.areaName() + " · " + round.roundName());
    task.setDescription(round.areaName() + " · " + round.roundName() + "，" + time.format(due) + " 前完成");
    if (round.assignee() != null) {
      task.setAssignee(round.assignee());
    } else {
      task.addCandidateGroup(round.candidateGroup());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String code : round.items()) {
      ChecklistItems.Item item = ChecklistItems.find(task.getProcessEngineServices(), task.getProcessDefinitionId(), kind,
          code).orElseThrow(() -> new IllegalStateException(kind.itemsDecision + " has no item " + code));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(ITEM, item.code());
      row.put(ITEM_NAME, item.name());
      rows.add(row);
    }
    task.setVariableLocal(AREA_NAME, round.areaName());
    task.setVariableLocal(ROUND_NAME, round.roundName());
    // on the task's own execution: a completion sets the submitted checklist there (not task-local, not the case's)
    task.getExecution().setVariableLocal(CHECKLIST, JsonVariable.write(rows));
  }
}
