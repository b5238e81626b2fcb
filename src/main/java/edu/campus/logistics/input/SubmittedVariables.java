package edu.campus.logistics.input;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.spin.Spin;

/**
 * What a task completion may change. Variables sent with a completion (REST {@code complete},
 * Tasklist's {@code submit-form}) are set before any complete listener runs, so a caller could
 * otherwise rewrite what the process recorded — who requested or bought, the approved amount,
 * whether quotes are required — and slip past the checks that read it. Called first on completion,
 * {@link #refuseChangesExcept} finds every variable of the task's case that this command wrote (new,
 * changed or removed rows in the engine's entity cache: nothing has been flushed yet) and refuses the
 * completion if anything but the task's own fields was written. A value re-sent unchanged (a read-only
 * form field) is not a change: such a variable is compared with its committed value, read in a separate
 * transaction — only those variables, so a valid completion reads nothing more than it did.
 */
public final class SubmittedVariables {

  private SubmittedVariables() {
  }

  public static void refuseChangesExcept(DelegateTask task, Set<String> fields) {
    Written written = written(task);
    Set<String> changed = new TreeSet<>();
    for (String name : written.onCase()) {
      if (!fields.contains(name)
          && !Objects.equals(comparable(committed(task, name, false)), comparable(task.getExecution().getVariable(name)))) {
        changed.add(name);
      }
    }
    // the task's own variables too (form helpers such as technicianOptions, escalationIndex): Tasklist's
    // submit-form writes onto the task where REST complete writes onto the execution
    for (String name : written.onTask()) {
      if (!fields.contains(name)
          && !Objects.equals(comparable(committed(task, name, true)), comparable(task.getVariableLocal(name)))) {
        changed.add(name);
      }
    }
    if (!changed.isEmpty()) {
      throw new BadUserRequestException("办理任务时只能填写本任务的字段，不能修改流程记录的数据：" + String.join(", ", changed)
          + " / completing " + task.getTaskDefinitionKey() + " may set only " + String.join(", ", new TreeSet<>(fields))
          + "; it may not change " + String.join(", ", changed));
    }
  }

  /** The names this command wrote: on the case's executions, and on the task itself. */
  private record Written(Set<String> onCase, Set<String> onTask) {
  }

  private static Written written(DelegateTask task) {
    DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
    Set<String> onCase = new TreeSet<>();
    Set<String> onTask = new TreeSet<>();
    for (VariableInstanceEntity variable : cache.getEntitiesByType(VariableInstanceEntity.class)) {
      boolean local = task.getId().equals(variable.getTaskId());
      if (!local && !Objects.equals(task.getProcessInstanceId(), variable.getProcessInstanceId())) {
        continue;
      }
      if (variable.getTaskId() != null && !local) {
        continue;
      }
      if (written(cache.getCachedEntity(variable)) || writtenBytes(cache, variable)) {
        (local ? onTask : onCase).add(variable.getName());
      }
    }
    return new Written(onCase, onTask);
  }

  private static boolean written(CachedDbEntity cached) {
    return cached != null && (cached.getEntityState() != DbEntityState.PERSISTENT || cached.isDirty());
  }

  /** A JSON value lives in a byte array row: setting it rewrites that row, not the variable's. */
  private static boolean writtenBytes(DbEntityCache cache, VariableInstanceEntity variable) {
    return variable.getByteArrayValueId() != null
        && written(cache.getCachedEntity(ByteArrayEntity.class, variable.getByteArrayValueId()));
  }

  /** One variable as the task saw it before this command (its own, or its execution's), read in a new transaction. */
  public static Object committedValue(DelegateTask task, String name) {
    Object local = committed(task, name, true);
    return local != null ? local : committed(task, name, false);
  }

  private static Object committed(DelegateTask task, String name, boolean local) {
    return Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew().execute(commandContext -> {
      if (local) {
        TaskEntity committedTask = commandContext.getTaskManager().findTaskById(task.getId());
        return committedTask == null ? null : committedTask.getVariableLocal(name);
      }
      ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(task.getExecutionId());
      return execution == null ? null : execution.getVariable(name);
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
