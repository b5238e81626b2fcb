package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.STOREKEEPER_ID;

import edu.campus.logistics.cases.Actor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Stocking 入库: the storekeeper confirms where the goods go (the form's contract checks it); they sign the receipt voucher. */
@Component("storageTaskListener")
public class StorageTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(STOREKEEPER_ID, Actor.of(task));
  }
}
