package edu.campus.logistics.input;

import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.Reconciliation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What must not move when an action is refused: process instances (running and historic), tasks,
 * ledger entries, the reconciliation, item balances, asset cards and, for an action on a task, that
 * task: still open, same assignee and owner, same variables (its own and those it sees).
 */
final class Snapshot {

  record State(long instances, long historicInstances, long tasks, long ledgerEntries, Reconciliation reconciliation,
               List<Item> items, long assetCards, Map<String, String> task) {
  }

  private final ProcessEngine engine;
  private final LedgerService ledger;
  private final AssetRegister assets;

  Snapshot(ProcessEngine engine, LedgerService ledger, AssetRegister assets) {
    this.engine = engine;
    this.ledger = ledger;
    this.assets = assets;
  }

  /** What one case looks like: where it waits, its jobs, the task with its variables, and how many ledger entries exist. */
  record CaseState(List<String> activities, long jobs, long ledgerEntries, Map<String, String> task) {
  }

  /** The state of the task's case now: cheaper than {@link #of(String)}, for tests that try many doors. */
  CaseState ofCase(Task task) {
    String instance = task.getProcessInstanceId();
    List<String> activities = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0
        ? List.of("ended") : engine.getRuntimeService().getActiveActivityIds(instance).stream().sorted().toList();
    long entries = countEntries();
    return new CaseState(activities, engine.getManagementService().createJobQuery().processInstanceId(instance).count(),
        entries, task(task.getId()));
  }

  private long countEntries() {
    try (Connection connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
         ResultSet count = connection.createStatement().executeQuery("select count(*) from ledger_entry")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  /** The state now; {@code taskId} null when the action is not on a task. */
  State of(String taskId) {
    long entries = ledger.items().stream().mapToLong(item -> ledger.entries(item.code()).size()).sum();
    return new State(engine.getRuntimeService().createProcessInstanceQuery().count(),
        engine.getHistoryService().createHistoricProcessInstanceQuery().count(),
        engine.getTaskService().createTaskQuery().count(), entries, ledger.reconcile(), ledger.items(),
        assets.search(null, null).size(), task(taskId));
  }

  private Map<String, String> task(String taskId) {
    Map<String, String> state = new TreeMap<>();
    if (taskId == null) {
      return state;
    }
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      state.put("task", "completed");
      return state;
    }
    state.put("task.assignee", String.valueOf(task.getAssignee()));
    state.put("task.owner", String.valueOf(task.getOwner()));
    VariableMap visible = engine.getRuntimeService().getVariablesTyped(task.getExecutionId(), true);
    visible.keySet().forEach(name -> state.put(name, describe(visible.getValueTyped(name))));
    VariableMap local = engine.getTaskService().getVariablesLocalTyped(taskId, true);
    local.keySet().forEach(name -> state.put("task." + name, describe(local.getValueTyped(name))));
    return state;
  }

  private static String describe(TypedValue value) {
    return (value.getType() == null ? "untyped" : value.getType().getName()) + ":" + value.getValue();
  }
}
