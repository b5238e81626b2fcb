package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.PLANNED_ROUNDS;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND_KEY;

import edu.campus.logistics.cases.JsonVariable;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The day's planned rounds as the models read them: the multi-instance collection
 * ({@code ${checklistRounds.keys(execution)}}) and each round's due time for its overdue timer
 * ({@code ${checklistRounds.dueAt(execution)}}).
 */
@Component("checklistRounds")
public class PlannedRounds {

  /** The keys of the day's rounds, one multi-instance per key. */
  public List<String> keys(DelegateExecution execution) {
    return all(execution).stream().map(ChecklistRound::key).toList();
  }

  /** When the round of this multi-instance is due. */
  public Date dueAt(DelegateExecution execution) {
    return Date.from(Instant.parse(of(execution).dueAt()));
  }

  static List<ChecklistRound> all(VariableScope scope) {
    return JsonVariable.readList(scope.getVariable(PLANNED_ROUNDS), ChecklistRound.class, PLANNED_ROUNDS, "巡查安排");
  }

  /** The round the scope belongs to (its multi-instance's {@code roundKey}). */
  static ChecklistRound of(VariableScope scope) {
    Object key = scope.getVariable(ROUND_KEY);
    return all(scope).stream().filter(round -> round.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no planned round " + key));
  }
}
