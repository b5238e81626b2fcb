package edu.campus.logistics.input;

import edu.campus.logistics.cases.FormContract;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Completing a user task may set the fields of its own Camunda Form and nothing else: not who
 * requested or bought, the approved amount, whether quotes are required, whether damage was reported.
 * The editable fields are read from the task's deployed form — what the process owner put on it in
 * Modeler — so a field added there is allowed without touching Java; read-only fields
 * ({@code disabled}/{@code readonly}) may only be re-sent unchanged. Then what was submitted must
 * keep the form's contract ({@link FormContract}: required, lengths, ranges, patterns, options).
 * Installed by {@link InputGuardPlugin} as the first complete listener of every user task with a
 * Camunda Form.
 */
public class FormFieldsOnly implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormContract contract = FormContract.ofTask(task);
    SubmittedVariables.refuseChangesExcept(task, contract.editableVariables());
    contract.enforce(task, name -> SubmittedVariables.committedValue(task, name));
  }
}
