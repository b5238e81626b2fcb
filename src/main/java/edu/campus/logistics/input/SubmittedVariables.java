package edu.campus.logistics.input;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.spin.Spin;

/**
 * What a task completion may change. Variables sent with a completion (REST {@code complete},
 * Tasklist's {@code submit-form}) are set before any complete listener runs, so a caller could
 * otherwise rewrite what the process recorded — who requested or bought, the approved amount,
 * whether quotes are required — and slip past the checks that read it. Called first on completion,
 * {@link #refuseChangesExcept} compares every variable the task sees with its committed value
 * (read in a separate transaction) and refuses the completion if anything but the task's own
 * fields changed. Re-sending an unchanged value (a read-only form field) is not a change.
 */
public final class SubmittedVariables {

  private SubmittedVariables() {
  }

  public static void refuseChangesExcept(DelegateTask task, Set<String> fields) {
    Set<String> changed = changes(committed(task.getExecutionId()), task.getExecution().getVariables(), fields);
    // the task's own variables too (form helpers such as technicianOptions, escalationIndex): Tasklist's
    // submit-form writes onto the task where REST complete writes onto the execution
    changed.addAll(changes(committedLocal(task.getId()), task.getVariablesLocal(), fields));
    if (!changed.isEmpty()) {
      throw new BadUserRequestException("办理任务时只能填写本任务的字段，不能修改流程记录的数据：" + String.join(", ", changed)
          + " / completing " + task.getTaskDefinitionKey() + " may set only " + String.join(", ", new TreeSet<>(fields))
          + "; it may not change " + String.join(", ", changed));
    }
  }

  private static Set<String> changes(Map<String, Object> committed, Map<String, Object> now, Set<String> fields) {
    Set<String> names = new TreeSet<>(committed.keySet());
    names.addAll(now.keySet());
    names.removeAll(fields);
    Set<String> changed = new TreeSet<>();
    for (String name : names) {
      if (!Objects.equals(comparable(committed.get(name)), comparable(now.get(name)))) {
        changed.add(name);
      }
    }
    return changed;
  }

  /** The variables the task saw before this command (its own over its execution's): what the server offered. */
  public static Map<String, Object> committedOf(DelegateTask task) {
    Map<String, Object> variables = committed(task.getExecutionId());
    variables.putAll(committedLocal(task.getId()));
    return variables;
  }

  /** The task's own variables before this command, read in a new transaction. */
  private static Map<String, Object> committedLocal(String taskId) {
    return Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew().execute(commandContext -> {
      TaskEntity committedTask = commandContext.getTaskManager().findTaskById(taskId);
      return committedTask == null ? new HashMap<String, Object>() : new HashMap<String, Object>(committedTask.getVariablesLocal());
    });
  }

  /** The variables the execution saw before this command: read in a new transaction, nothing is flushed yet. */
  private static Map<String, Object> committed(String executionId) {
    return Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew().execute(commandContext -> {
      ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(executionId);
      return execution == null ? new HashMap<String, Object>() : new HashMap<String, Object>(execution.getVariables());
    });
  }

  /** Values as a form may re-send them: numbers by value, JSON as text, blank text as nothing. */
  private static Object comparable(Object value) {
    if (value instanceof String text) {
      return text.isBlank() ? null : text;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros();
    }
    if (value instanceof Spin<?> json) {
      return json.toString();
    }
    if (value instanceof Date date) {
      return date.getTime();
    }
    return value;
  }
}
