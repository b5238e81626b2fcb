package edu.campus.logistics.input;

import edu.campus.logistics.input.Doors.Door;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;

/**
 * Starting a process may set the fields of its start form and nothing else: not the variables of
 * later steps ({@code partsUsed}, {@code dispatchedAt}, {@code technician}, …), which would pre-fill
 * their forms, move stock nobody entered or falsify deadlines. What the engine sets itself (the
 * initiator variable, the business key) is allowed. Checked by the first start listener of the
 * process, where the variables are exactly the caller's, for starts through REST, Tasklist and Java by every
 * person but {@code camunda-admin}; a process without a start form accepts no variables from them.
 * Installed by {@link InputGuardPlugin} on every process with a plain start event.
 */
public class StartFormFieldsOnly implements ExecutionListener {

  private final boolean hasStartForm;
  private final String initiatorVariable;
  /** Editable fields per process definition: a deployed form never changes. */
  private final Map<String, Set<String>> fieldsByDefinition = new ConcurrentHashMap<>();

  public StartFormFieldsOnly(boolean hasStartForm, String initiatorVariable) {
    this.hasStartForm = hasStartForm;
    this.initiatorVariable = initiatorVariable;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Door door = Doors.current().orElse(null);
    if (door == null || !door.byNonAdministrator() || execution.getSuperExecution() != null
        || !door.opened(StartProcessInstanceCmd.class, SubmitStartFormCmd.class)) {
      return;
    }
    Set<String> allowed = new TreeSet<>(fields(execution.getProcessDefinitionId()));
    if (initiatorVariable != null) {
      allowed.add(initiatorVariable);
    }
    Set<String> extra = new TreeSet<>(execution.getVariableNames());
    extra.removeAll(allowed);
    if (!extra.isEmpty()) {
      throw new BadUserRequestException("发起流程时只能填写申请表上的字段，不能预先填写后续环节的数据：" + String.join(", ", extra)
          + " / starting this process may set only " + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed))
          + "; it may not set " + String.join(", ", extra));
    }
  }

  private Set<String> fields(String processDefinitionId) {
    if (!hasStartForm) {
      return Set.of();
    }
    return fieldsByDefinition.computeIfAbsent(processDefinitionId, id -> FormFieldsOnly.editableFields(
        FormFieldsOnly.deployedForm(new GetDeployedStartFormCmd(id), "the start form of " + id)));
  }
}
