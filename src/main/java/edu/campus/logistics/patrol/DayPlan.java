package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.AREA;
import static edu.campus.logistics.patrol.PatrolVariables.AREA_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.ASSET_TAG;
import static edu.campus.logistics.patrol.PatrolVariables.ASSIGNEE;
import static edu.campus.logistics.patrol.PatrolVariables.CANDIDATE_GROUP;
import static edu.campus.logistics.patrol.PatrolVariables.DAY_OF_WEEK;
import static edu.campus.logistics.patrol.PatrolVariables.DUE_TIME;
import static edu.campus.logistics.patrol.PatrolVariables.ESCALATIONS;
import static edu.campus.logistics.patrol.PatrolVariables.ITEMS;
import static edu.campus.logistics.patrol.PatrolVariables.PATROL_DATE;
import static edu.campus.logistics.patrol.PatrolVariables.PLANNED_ROUNDS;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND_COUNT;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND_NAME;

import edu.campus.logistics.cases.DeployedDecisions;
import edu.campus.logistics.cases.JsonVariable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the rows of a planning table (patrol-rounds, inspection-plans) into the day's rounds: each
 * row checked (one responsible person or group, a due time, known checklist items), stored on the
 * case ({@code plannedRounds}) and in the day's report. A table a process owner got wrong fails the
 * planning step, which retries and then shows as an incident in Cockpit naming the row.
 */
@Component
class DayPlan {

  private final RoundRecords records;
  private final ZoneId zone;

  DayPlan(RoundRecords records, @Value("${campus.time-zone}") ZoneId zone) {
    this.records = records;
    this.zone = zone;
  }

  /** The day the case is for: today on the engine's clock, in the school's time zone. */
  LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /** The inputs of the planning tables for that day. */
  Map<String, Object> inputs(LocalDate day) {
    return Map.of(PATROL_DATE, day.toString(), DAY_OF_WEEK, day.getDayOfWeek().getValue());
  }

  /** The rows the decision {@code decisionKey} deployed with this process gives for the day. */
  List<Map<String, Object>> rows(DelegateExecution execution, String decisionKey, LocalDate day) {
    return DeployedDecisions.evaluate(execution.getProcessEngineServices(), execution.getProcessDefinitionId(),
        decisionKey, inputs(day)).getResultList();
  }

  /** Plans these rows as the day's rounds of the case. */
  void plan(DelegateExecution execution, ChecklistKind kind, LocalDate day, List<Map<String, Object>> rows) {
    List<ChecklistRound> rounds = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Map<String, Object> row : rows) {
      ChecklistRound round = round(execution, kind, day, row);
      if (!keys.add(round.key())) {
        throw new ProcessEngineException("planning table of " + kind.processKey + ": round " + round.key()
            + " appears twice on " + day);
      }
      rounds.add(round);
    }
    execution.setVariable(PATROL_DATE, day.toString());
    execution.setVariable(PLANNED_ROUNDS, JsonVariable.write(rounds));
    execution.setVariable(ROUND_COUNT, rounds.size());
    execution.setVariable(ESCALATIONS, JsonVariable.write(List.of()));
    for (ChecklistRound round : rounds) {
      records.planned(execution.getProcessInstanceId(), kind.processKey, execution.getProcessBusinessKey(), day, round);
    }
  }

  private ChecklistRound round(DelegateExecution execution, ChecklistKind kind, LocalDate day, Map<String, Object> row) {
    String round = required(kind, row, ROUND);
    String area = text(row, AREA) != null ? text(row, AREA) : round;
    String where = "planning table of " + kind.processKey + ", row " + area + "/" + round + ": ";
    String assignee = text(row, ASSIGNEE);
    String group = text(row, CANDIDATE_GROUP);
    if ((assignee == null) == (group == null)) {
      throw new ProcessEngineException(where + "name exactly one responsible person (assignee) or group (candidateGroup)");
    }
    LocalTime due;
    try {
      due = LocalTime.parse(required(kind, row, DUE_TIME));
    } catch (DateTimeParseException malformed) {
      throw new ProcessEngineException(where + "dueTime must be HH:mm, not " + row.get(DUE_TIME));
    }
    List<String> items = Arrays.stream(required(kind, row, ITEMS).split(",")).map(String::trim)
        .filter(item -> !item.isEmpty()).distinct().toList();
    for (String item : items) {
      if (ChecklistItems.find(execution.getProcessEngineServices(), execution.getProcessDefinitionId(), kind, item).isEmpty()) {
        throw new ProcessEngineException(where + "checklist item " + item + " is not in " + kind.itemsDecision);
      }
    }
    if (items.isEmpty()) {
      throw new ProcessEngineException(where + "no checklist items");
    }
    return new ChecklistRound(area + "/" + round, area, required(kind, row, AREA_NAME), round,
        required(kind, row, ROUND_NAME), day.atTime(due).atZone(zone).toInstant().toString(), assignee, group, items,
        text(row, ASSET_TAG));
  }

  private static String required(ChecklistKind kind, Map<String, Object> row, String column) {
    String value = text(row, column);
    if (value == null) {
      throw new ProcessEngineException("planning table of " + kind.processKey + ": a row has no " + column + ": " + row);
    }
    return value;
  }

  private static String text(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
