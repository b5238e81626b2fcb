package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_ACTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The requester's answer to "return for revision": withdraw, or resubmit the edited request, which
 * is checked like a new one (the approval chain then starts again from its first level).
 */
@Component("reviseTaskListener")
public class ReviseTaskListener implements TaskListener {

  private final ItemCatalogue catalogue;

  public ReviseTaskListener(ItemCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    if ("resubmit".equals(task.getVariable(REQUESTER_ACTION))) {
      RequestChecks.checkAndStore(task, catalogue);
      task.getExecution().removeVariable(PURCHASE_ITEMS);
    }
  }
}
