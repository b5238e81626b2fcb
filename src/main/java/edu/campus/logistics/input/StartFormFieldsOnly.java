package edu.campus.logistics.input;

import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.input.Doors.Door;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;

/**
 * Starting a process may set the fields of its start form and nothing else: not the variables of
 * later steps ({@code partsUsed}, {@code dispatchedAt}, {@code technician}, …), which would pre-fill
 * their forms, move stock nobody entered or falsify deadlines. What the engine sets itself (the
 * initiator variable, the business key) is allowed. Checked by the first start listener of the
 * process, where the variables are exactly the caller's, for starts through REST, Tasklist and Java by every
 * person but {@code camunda-admin}; a process without a start form accepts no variables from them.
 * Every start at the start event (not one at an activity, not a call from a parent process) must
 * then keep the start form's contract ({@link FormContract}), whoever starts it.
 * Installed by {@link InputGuardPlugin} on every process with a plain start event.
 */
public class StartFormFieldsOnly implements ExecutionListener {

  private final boolean hasStartForm;
  private final String initiatorVariable;

  public StartFormFieldsOnly(boolean hasStartForm, String initiatorVariable) {
    this.hasStartForm = hasStartForm;
    this.initiatorVariable = initiatorVariable;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Door door = Doors.current().orElse(null);
    if (door == null || execution.getSuperExecution() != null
        || !door.opened(StartProcessInstanceCmd.class, SubmitStartFormCmd.class)) {
      return;
    }
    FormContract contract = hasStartForm ? FormContract.ofStart(execution.getProcessDefinitionId()) : null;
    if (door.byNonAdministrator()) {
      Set<String> allowed = new TreeSet<>(contract == null ? Set.of() : contract.editableVariables());
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
    if (contract != null) {
      // nothing was offered before the case exists: valuesKey options come from no one
      contract.enforce(execution, Map.<String, Object>of()::get);
    }
  }
}
